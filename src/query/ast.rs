//! The syntax tree of a query, with the byte span of every node in the
//! original text, and a `Display` that prints valid query text: parsing the
//! printed text gives the same tree (spans aside), which the tests use as
//! the oracle. Questions print in their canonical English form; patterns
//! print in canonical openCypher style (lower-case keywords, minimal
//! parentheses).

use crate::model::{DateValue, EdgeKind, Kind};
use std::fmt::{self, Display, Formatter, Write};

/// Byte offsets `[start, end)` of a piece of the query text.
///
/// Spans never take part in equality: two trees are equal when they say the
/// same thing, wherever it was written.
#[derive(Debug, Clone, Copy, Default, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
}

impl PartialEq for Span {
    fn eq(&self, _other: &Span) -> bool {
        true
    }
}

/// One query: a pattern, a question, or a `why` fact, optionally explained
/// and optionally answered as of a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub explain: bool,
    pub body: Body,
    pub as_of: Option<DateLit>,
    pub span: Span,
}

/// What a statement asks.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Pattern(PatternQuery),
    Question(Question),
    Why(Why),
}

/// A date written in a query: `2002-12-31`, `2002-12`, `date("2002")` or a
/// year `2002` (in questions).
#[derive(Debug, Clone, PartialEq)]
pub struct DateLit {
    pub value: DateValue,
    pub span: Span,
}

/// A reference to an entity in a question.
#[derive(Debug, Clone, PartialEq)]
pub enum EntityRef {
    /// `meeting:crm-07`
    Id(String, Span),
    /// `"VII CRM"` — a quoted name or phrase.
    Quoted(String, Span),
    /// `VII CRM`, `Costa Rica`, `IV.E(1)` — unquoted words.
    Bare(String, Span),
}

impl EntityRef {
    /// The text referred to (without quotes).
    pub fn text(&self) -> &str {
        match self {
            EntityRef::Id(s, _) | EntityRef::Quoted(s, _) | EntityRef::Bare(s, _) => s,
        }
    }

    pub fn span(&self) -> Span {
        match self {
            EntityRef::Id(_, s) | EntityRef::Quoted(_, s) | EntityRef::Bare(_, s) => *s,
        }
    }
}

/// Where meetings were held: a date (usually a year) or a place.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    Date(DateLit),
    Named(EntityRef),
}

/// What a mention question lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionTarget {
    Sections,
    Documents,
}

/// A question of the controlled language.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// `agreements from VII CRM awaiting responses` (meeting optional).
    Awaiting {
        meeting: Option<EntityRef>,
        span: Span,
    },
    /// `countries that have not responded to IV.E(1)`.
    NotResponded { agreement: EntityRef, span: Span },
    /// `meetings in Guatemala`, `meetings in 2002`.
    Meetings { place: Place, span: Span },
    /// `sections mentioning OIM`, `documents mentioning "trata de personas"`.
    Mentioning {
        target: MentionTarget,
        what: EntityRef,
        span: Span,
    },
    /// `events between 2002-08-01 and 2003-02-28`.
    Events {
        from: DateLit,
        to: DateLit,
        span: Span,
    },
    /// `path from Costa Rica to SIEMCA`.
    Path {
        from: EntityRef,
        to: EntityRef,
        span: Span,
    },
    /// `show Costa Rica`.
    Show { entity: EntityRef, span: Span },
}

/// `why <entity> <edge> <entity>`, e.g. `why IV.E(1) awaits Honduras`.
#[derive(Debug, Clone, PartialEq)]
pub struct Why {
    pub subject: EntityRef,
    pub edge: EdgeKind,
    pub object: EntityRef,
    pub span: Span,
}

/// `match ... [optional match ...] return ... [order by ...] [skip n] [limit n]`.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternQuery {
    pub clauses: Vec<MatchClause>,
    pub ret: Return,
    pub order: Vec<OrderItem>,
    pub skip: Option<u64>,
    pub limit: Option<u64>,
    pub span: Span,
}

/// `[optional] match <path>, <path> [where <expr>]`.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchClause {
    pub optional: bool,
    pub paths: Vec<PathPattern>,
    pub where_: Option<Expr>,
    pub span: Span,
}

/// `(a)-[:x]->(b)<-[:y]-(c)`.
#[derive(Debug, Clone, PartialEq)]
pub struct PathPattern {
    pub start: NodePattern,
    pub steps: Vec<(RelPattern, NodePattern)>,
    pub span: Span,
}

/// `(a:agreement|meeting {name: "VII CRM"})`.
#[derive(Debug, Clone, PartialEq)]
pub struct NodePattern {
    pub var: Option<String>,
    pub kinds: Vec<Kind>,
    pub props: Vec<(String, Literal)>,
    pub span: Span,
}

/// Direction of an edge pattern as written, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// `-[]->`
    Right,
    /// `<-[]-`
    Left,
    /// `-[]-`
    Either,
}

/// `-[e:mentions|concerns*1..3 {certain: false}]->`.
#[derive(Debug, Clone, PartialEq)]
pub struct RelPattern {
    pub var: Option<String>,
    pub kinds: Vec<EdgeKind>,
    pub dir: Direction,
    /// Variable length: minimum and (optional) maximum number of edges.
    pub hops: Option<(u32, Option<u32>)>,
    pub props: Vec<(String, Literal)>,
    pub span: Span,
}

/// `return [distinct] item, item`.
#[derive(Debug, Clone, PartialEq)]
pub struct Return {
    pub distinct: bool,
    pub items: Vec<ReturnItem>,
    pub span: Span,
}

/// `expr [as alias]`.
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnItem {
    pub expr: Expr,
    pub alias: Option<String>,
    pub span: Span,
}

impl ReturnItem {
    /// The column name: the alias, else the expression as written.
    pub fn column(&self) -> String {
        self.alias.clone().unwrap_or_else(|| self.expr.to_string())
    }
}

/// `expr [asc|desc]`.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderItem {
    pub expr: Expr,
    pub desc: bool,
    pub span: Span,
}

/// A literal value.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Str(String),
    Int(i64),
    Bool(bool),
    Null,
    Date(DateValue),
}

/// Binary operators, loosest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    Contains,
    StartsWith,
    EndsWith,
}

impl BinOp {
    pub fn as_str(self) -> &'static str {
        match self {
            BinOp::Or => "or",
            BinOp::And => "and",
            BinOp::Eq => "=",
            BinOp::Ne => "<>",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::In => "in",
            BinOp::Contains => "contains",
            BinOp::StartsWith => "starts with",
            BinOp::EndsWith => "ends with",
        }
    }

    /// Binding power: higher binds tighter.
    pub fn precedence(self) -> u8 {
        match self {
            BinOp::Or => 1,
            BinOp::And => 2,
            _ => 4,
        }
    }
}

/// An expression with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

/// The shapes of expressions.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Lit(Literal),
    Var(String),
    /// `a.name`
    Prop(Box<Expr>, String),
    /// `[1, 2]`
    List(Vec<Expr>),
    Not(Box<Expr>),
    /// `x is null` (false) / `x is not null` (true)
    IsNull(Box<Expr>, bool),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `count(*)`
    CountStar,
    /// `f([distinct] args)`; the name is lower-case.
    Call {
        name: String,
        distinct: bool,
        args: Vec<Expr>,
    },
}

/// Names of the aggregate functions.
pub const AGGREGATES: [&str; 4] = ["count", "collect", "min", "max"];

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }

    /// True if this expression contains an aggregate call.
    pub fn has_aggregate(&self) -> bool {
        match &self.kind {
            ExprKind::CountStar => true,
            ExprKind::Call { name, args, .. } => {
                AGGREGATES.contains(&name.as_str()) || args.iter().any(Expr::has_aggregate)
            }
            ExprKind::Lit(_) | ExprKind::Var(_) => false,
            ExprKind::Prop(e, _) | ExprKind::Not(e) | ExprKind::IsNull(e, _) => e.has_aggregate(),
            ExprKind::List(v) => v.iter().any(Expr::has_aggregate),
            ExprKind::Binary(_, a, b) => a.has_aggregate() || b.has_aggregate(),
        }
    }

    fn precedence(&self) -> u8 {
        match &self.kind {
            ExprKind::Binary(op, _, _) => op.precedence(),
            ExprKind::Not(_) => 3,
            ExprKind::IsNull(..) => 5,
            _ => 9,
        }
    }
}

// ---- Display ----------------------------------------------------------------

/// Words that cannot be used as a variable without backticks.
pub const RESERVED: [&str; 27] = [
    "match",
    "optional",
    "where",
    "return",
    "order",
    "by",
    "skip",
    "limit",
    "and",
    "or",
    "not",
    "no",
    "in",
    "contains",
    "starts",
    "ends",
    "with",
    "is",
    "null",
    "true",
    "false",
    "distinct",
    "as",
    "asc",
    "desc",
    "ascending",
    "descending",
];

fn is_plain_ident(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    (first == '_' || unicode_ident_start(first)) && chars.all(unicode_ident_continue)
}

fn unicode_ident_start(c: char) -> bool {
    // XID_Start as pest sees it; alphabetic is a close, safe approximation
    // for printing (anything else gets backticks).
    c.is_alphabetic() && !is_combining(c)
}

fn unicode_ident_continue(c: char) -> bool {
    c == '_' || (c.is_alphanumeric() && !is_combining(c))
}

fn is_combining(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// Write a variable name, with backticks when it is not a plain identifier
/// or is a reserved word.
pub fn write_var(f: &mut impl Write, name: &str) -> fmt::Result {
    let folded = crate::text::normalize(name);
    if is_plain_ident(name) && !RESERVED.contains(&folded.as_str()) {
        f.write_str(name)
    } else {
        write!(f, "`{name}`")
    }
}

/// Write a property key (reserved words are fine after `.` and in maps).
pub fn write_key(f: &mut impl Write, name: &str) -> fmt::Result {
    if is_plain_ident(name) {
        f.write_str(name)
    } else {
        write!(f, "`{name}`")
    }
}

/// Write a string literal with double quotes and escapes.
pub fn write_string(f: &mut impl Write, s: &str) -> fmt::Result {
    f.write_char('"')?;
    for c in s.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\t' => f.write_str("\\t")?,
            '\r' => f.write_str("\\r")?,
            c => f.write_char(c)?,
        }
    }
    f.write_char('"')
}

/// A date as query text: `date("2002-12-31")`.
pub fn date_text(d: &DateValue) -> String {
    let plain = DateValue {
        inferred: false,
        ..*d
    };
    format!("date(\"{plain}\")")
}

impl Display for Literal {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Literal::Str(s) => write_string(f, s),
            Literal::Int(i) => write!(f, "{i}"),
            Literal::Bool(b) => write!(f, "{b}"),
            Literal::Null => f.write_str("null"),
            Literal::Date(d) => f.write_str(&date_text(d)),
        }
    }
}

impl Display for Expr {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let child = |f: &mut Formatter<'_>, e: &Expr, min: u8| -> fmt::Result {
            if e.precedence() < min {
                write!(f, "({e})")
            } else {
                write!(f, "{e}")
            }
        };
        match &self.kind {
            ExprKind::Lit(l) => write!(f, "{l}"),
            ExprKind::Var(v) => write_var(f, v),
            ExprKind::Prop(e, k) => {
                child(f, e, 9)?;
                f.write_char('.')?;
                write_key(f, k)
            }
            ExprKind::List(items) => {
                f.write_char('[')?;
                for (i, e) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{e}")?;
                }
                f.write_char(']')
            }
            ExprKind::Not(e) => {
                f.write_str("not ")?;
                child(f, e, 3)
            }
            ExprKind::IsNull(e, not) => {
                child(f, e, 6)?;
                f.write_str(if *not { " is not null" } else { " is null" })
            }
            ExprKind::Binary(op, a, b) => {
                let p = op.precedence();
                // Left-associative: the left side may share the level of
                // `and`/`or`; comparisons never chain without parentheses.
                let left_min = if p >= 4 { p + 1 } else { p };
                child(f, a, left_min)?;
                write!(f, " {} ", op.as_str())?;
                child(f, b, p + 1)
            }
            ExprKind::CountStar => f.write_str("count(*)"),
            ExprKind::Call {
                name,
                distinct,
                args,
            } => {
                f.write_str(name)?;
                f.write_char('(')?;
                if *distinct {
                    f.write_str("distinct ")?;
                }
                for (i, e) in args.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{e}")?;
                }
                f.write_char(')')
            }
        }
    }
}

fn write_props(f: &mut Formatter<'_>, props: &[(String, Literal)]) -> fmt::Result {
    if props.is_empty() {
        return Ok(());
    }
    f.write_str(" {")?;
    for (i, (k, v)) in props.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write_key(f, k)?;
        write!(f, ": {v}")?;
    }
    f.write_char('}')
}

impl Display for NodePattern {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_char('(')?;
        if let Some(v) = &self.var {
            write_var(f, v)?;
        }
        for (i, k) in self.kinds.iter().enumerate() {
            f.write_char(if i == 0 { ':' } else { '|' })?;
            f.write_str(k.as_str())?;
        }
        write_props(f, &self.props)?;
        f.write_char(')')
    }
}

impl Display for RelPattern {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(if self.dir == Direction::Left {
            "<-"
        } else {
            "-"
        })?;
        let detail = self.var.is_some()
            || !self.kinds.is_empty()
            || self.hops.is_some()
            || !self.props.is_empty();
        if detail {
            f.write_char('[')?;
            if let Some(v) = &self.var {
                write_var(f, v)?;
            }
            for (i, k) in self.kinds.iter().enumerate() {
                f.write_char(if i == 0 { ':' } else { '|' })?;
                f.write_str(k.as_str())?;
            }
            if let Some((min, max)) = self.hops {
                write!(f, "*{min}..")?;
                if let Some(max) = max {
                    write!(f, "{max}")?;
                }
            }
            write_props(f, &self.props)?;
            f.write_char(']')?;
        }
        f.write_str(if self.dir == Direction::Right {
            "->"
        } else {
            "-"
        })
    }
}

impl Display for PathPattern {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.start)?;
        for (r, n) in &self.steps {
            write!(f, "{r}{n}")?;
        }
        Ok(())
    }
}

impl Display for MatchClause {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.optional {
            f.write_str("optional ")?;
        }
        f.write_str("match ")?;
        for (i, p) in self.paths.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{p}")?;
        }
        if let Some(w) = &self.where_ {
            write!(f, " where {w}")?;
        }
        Ok(())
    }
}

impl Display for PatternQuery {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        for c in &self.clauses {
            write!(f, "{c} ")?;
        }
        f.write_str("return ")?;
        if self.ret.distinct {
            f.write_str("distinct ")?;
        }
        for (i, item) in self.ret.items.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{}", item.expr)?;
            if let Some(a) = &item.alias {
                f.write_str(" as ")?;
                write_var(f, a)?;
            }
        }
        if !self.order.is_empty() {
            f.write_str(" order by ")?;
            for (i, o) in self.order.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{}", o.expr)?;
                if o.desc {
                    f.write_str(" desc")?;
                }
            }
        }
        if let Some(s) = self.skip {
            write!(f, " skip {s}")?;
        }
        if let Some(l) = self.limit {
            write!(f, " limit {l}")?;
        }
        Ok(())
    }
}

impl Display for EntityRef {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            EntityRef::Id(s, _) | EntityRef::Bare(s, _) => f.write_str(s),
            EntityRef::Quoted(s, _) => write_string(f, s),
        }
    }
}

impl Display for DateLit {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let d = DateValue {
            inferred: false,
            ..self.value
        };
        match d.precision {
            crate::model::Precision::Range => f.write_str(&date_text(&d)),
            _ => write!(f, "{d}"),
        }
    }
}

impl Display for Question {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Question::Awaiting { meeting, .. } => {
                f.write_str("agreements ")?;
                if let Some(m) = meeting {
                    write!(f, "from {m} ")?;
                }
                f.write_str("awaiting responses from which countries")
            }
            Question::NotResponded { agreement, .. } => {
                write!(f, "countries that have not responded to {agreement}")
            }
            Question::Meetings { place, .. } => match place {
                Place::Date(d) => write!(f, "meetings in {d}"),
                Place::Named(p) => write!(f, "meetings in {p}"),
            },
            Question::Mentioning { target, what, .. } => {
                let t = match target {
                    MentionTarget::Sections => "sections",
                    MentionTarget::Documents => "documents",
                };
                write!(f, "{t} mentioning {what}")
            }
            Question::Events { from, to, .. } => write!(f, "events between {from} and {to}"),
            Question::Path { from, to, .. } => write!(f, "path from {from} to {to}"),
            Question::Show { entity, .. } => write!(f, "show {entity}"),
        }
    }
}

impl Display for Why {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "why {} {} {}", self.subject, self.edge, self.object)
    }
}

impl Display for Body {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Body::Pattern(p) => write!(f, "{p}"),
            Body::Question(q) => write!(f, "{q}"),
            Body::Why(w) => write!(f, "{w}"),
        }
    }
}

impl Display for Statement {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.explain {
            f.write_str("explain ")?;
        }
        write!(f, "{}", self.body)?;
        if let Some(d) = &self.as_of {
            write!(f, " as of {d}")?;
        }
        Ok(())
    }
}

//! The syntax tree of a query, with the byte span of every node in the
//! original text, and a `Display` that prints valid query text: parsing the
//! printed text gives the same tree (spans aside), which the tests use as
//! the oracle ([`display`]). Questions print in their canonical English form; patterns
//! print in canonical openCypher style (lower-case keywords, minimal
//! parentheses).

mod display;

use crate::model::{DateValue, EdgeKind, Kind};

/// Byte offsets `[start, end)` of a piece of the query text.
///
/// Spans never take part in equality: two trees are equal when they say the
/// same thing, wherever it was written.
#[derive(Debug, Clone, Copy, Default, Eq)]
pub(crate) struct Span {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

impl Span {
    pub(crate) const fn new(start: usize, end: usize) -> Span {
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
pub(crate) struct Statement {
    pub(crate) explain: bool,
    pub(crate) body: Body,
    pub(crate) as_of: Option<DateLit>,
    pub(crate) span: Span,
}

/// What a statement asks.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Body {
    Pattern(PatternQuery),
    Question(Question),
    Why(Why),
    /// `assert …`, `retract …`, `confirm …`, `reject …`.
    Annotate(AnnotationStmt),
}

/// A researcher's annotation statement.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AnnotationStmt {
    pub(crate) action: crate::model::Action,
    pub(crate) fact: AnnFact,
    pub(crate) source: Option<String>,
    pub(crate) reason: Option<String>,
    /// Author given in the statement (`by "…"`), as replayed from a file.
    pub(crate) by: Option<String>,
    /// Timestamp given in the statement (`at "…"`).
    pub(crate) at: Option<String>,
    pub(crate) span: Span,
}

/// The fact an annotation statement names.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum AnnFact {
    /// `<from> <edge> [to] <to> [on <date>]`
    Edge {
        from: EntityRef,
        edge: EdgeKind,
        to: EntityRef,
        date: Option<DateLit>,
        span: Span,
    },
    /// `<node> has <key> "<value>"`
    Attr {
        node: EntityRef,
        key: String,
        value: String,
        span: Span,
    },
}

/// A date written in a query: `2002-12-31`, `2002-12`, `date("2002")` or a
/// year `2002` (in questions).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DateLit {
    pub(crate) value: DateValue,
    pub(crate) span: Span,
}

/// A reference to an entity in a question.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum EntityRef {
    /// `meeting:crm-07`
    Id(String, Span),
    /// `"VII CRM"` — a quoted name or phrase.
    Quoted(String, Span),
    /// `VII CRM`, `Costa Rica`, `IV.E(1)` — unquoted words.
    Bare(String, Span),
}

impl EntityRef {
    /// The text referred to (without quotes).
    pub(crate) fn text(&self) -> &str {
        match self {
            EntityRef::Id(s, _) | EntityRef::Quoted(s, _) | EntityRef::Bare(s, _) => s,
        }
    }

    pub(crate) fn span(&self) -> Span {
        match self {
            EntityRef::Id(_, s) | EntityRef::Quoted(_, s) | EntityRef::Bare(_, s) => *s,
        }
    }
}

/// Where meetings were held: a date (usually a year) or a place.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Place {
    Date(DateLit),
    Named(EntityRef),
}

/// What a mention question lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MentionTarget {
    Sections,
    Documents,
}

/// A question of the controlled language.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Question {
    /// `agreements from VII CRM awaiting responses` (meeting optional).
    Awaiting {
        meeting: Option<EntityRef>,
        /// The entity is named as who owes the responses (`… awaiting
        /// responses from X`): a meeting (its agreements) or a country.
        /// Otherwise (`agreements from X …`) it is a meeting.
        owing: bool,
        /// `… pending on 2002-12-31`: what was awaited on that day, from
        /// every document (not `as of`).
        on: Option<DateLit>,
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
    /// `trace IV.A`.
    Trace { agreement: EntityRef, span: Span },
    /// `who held the pro tempore presidency on 2003-01-01`: the country
    /// that held it then, from the handovers recorded.
    ProTempore { on: DateLit, span: Span },
    /// One thing asked about one entity: what a meeting agreed, where and
    /// when it was held, who responded to an agreement, which agreements
    /// concern an entity or a phrase.
    About {
        about: About,
        entity: EntityRef,
        span: Span,
    },
}

/// What a [`Question::About`] asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum About {
    /// `what did VII CRM agree`: the agreements adopted at a meeting.
    Agreed,
    /// `where was VII CRM held`: its city and country.
    Place,
    /// `when was VII CRM held`: its dates.
    Date,
    /// `countries that responded to V.A(2)`.
    Responded,
    /// `agreements about SIEMCA`: agreements that concern an entity, or
    /// whose text holds a phrase.
    Agreements,
    /// `recommendations of GRCM octubre 2002`: what a meeting recommended.
    Recommended,
    /// `who presided GRCM octubre 2002`: who held the presidency then.
    Presided,
    /// `who hosted VII CRM`: the country it was held in.
    Hosted,
    /// `letters about IV.A`: the letters that follow an agreement up.
    Letters,
    /// `follow-ups of IV.E(1)`: every event that follows an agreement up.
    FollowUps,
    /// `tasks of PPT`: the agreements that name an organization (what it
    /// was asked to do).
    Tasks,
    /// `documents titled "Marco de Ejecución"`: documents by (part of)
    /// their title.
    Titled,
    /// `members of CRM`: the countries that are members of a body.
    Members,
    /// `who attended VII CRM`: no attendance list is recorded, so the
    /// members of the body that held the meeting, said so.
    Attended,
    /// `status of IV.A`: an agreement's status.
    Status,
    /// `proposals of Costa Rica`: what an entity proposed.
    Proposals,
    /// `meetings that adopted IV.E(1)`: where and when an agreement was
    /// adopted or reaffirmed.
    AdoptedAt,
}

/// `why <entity> <edge> <entity>`, e.g. `why IV.E(1) awaits Honduras`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Why {
    pub(crate) subject: EntityRef,
    pub(crate) edge: EdgeKind,
    pub(crate) object: EntityRef,
    pub(crate) span: Span,
}

/// `match ... [optional match ...] return ... [order by ...] [skip n] [limit n]`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PatternQuery {
    pub(crate) clauses: Vec<MatchClause>,
    pub(crate) ret: Return,
    pub(crate) order: Vec<OrderItem>,
    pub(crate) skip: Option<u64>,
    pub(crate) limit: Option<u64>,
    pub(crate) span: Span,
}

/// `[optional] match <path>, <path> [where <expr>]`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MatchClause {
    pub(crate) optional: bool,
    pub(crate) paths: Vec<PathPattern>,
    pub(crate) where_: Option<Expr>,
    pub(crate) span: Span,
}

/// `(a)-[:x]->(b)<-[:y]-(c)`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PathPattern {
    pub(crate) start: NodePattern,
    pub(crate) steps: Vec<(RelPattern, NodePattern)>,
    pub(crate) span: Span,
}

/// `(a:agreement|meeting {name: "VII CRM"})`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NodePattern {
    pub(crate) var: Option<String>,
    pub(crate) kinds: Vec<Kind>,
    pub(crate) props: Vec<(String, Literal)>,
    pub(crate) span: Span,
}

/// Direction of an edge pattern as written, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    /// `-[]->`
    Right,
    /// `<-[]-`
    Left,
    /// `-[]-`
    Either,
}

/// `-[e:mentions|concerns*1..3 {certain: false}]->`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RelPattern {
    pub(crate) var: Option<String>,
    pub(crate) kinds: Vec<EdgeKind>,
    pub(crate) dir: Direction,
    /// Variable length: minimum and (optional) maximum number of edges.
    pub(crate) hops: Option<(u32, Option<u32>)>,
    pub(crate) props: Vec<(String, Literal)>,
    pub(crate) span: Span,
}

/// `return [distinct] item, item`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Return {
    pub(crate) distinct: bool,
    pub(crate) items: Vec<ReturnItem>,
    pub(crate) span: Span,
}

/// `expr [as alias]`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReturnItem {
    pub(crate) expr: Expr,
    pub(crate) alias: Option<String>,
    pub(crate) span: Span,
}

impl ReturnItem {
    /// The column name: the alias, else the expression as written.
    pub(crate) fn column(&self) -> String {
        self.alias.clone().unwrap_or_else(|| self.expr.to_string())
    }
}

/// `expr [asc|desc]`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OrderItem {
    pub(crate) expr: Expr,
    pub(crate) desc: bool,
    pub(crate) span: Span,
}

/// A literal value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Literal {
    Str(String),
    Int(i64),
    Bool(bool),
    Null,
    Date(DateValue),
}

/// Binary operators, loosest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BinOp {
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
    pub(crate) fn as_str(self) -> &'static str {
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
    pub(crate) fn precedence(self) -> u8 {
        match self {
            BinOp::Or => 1,
            BinOp::And => 2,
            _ => 4,
        }
    }
}

/// An expression with its span.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Expr {
    pub(crate) kind: ExprKind,
    pub(crate) span: Span,
}

/// The shapes of expressions.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ExprKind {
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
pub(crate) const AGGREGATES: [&str; 4] = ["count", "collect", "min", "max"];

impl Expr {
    pub(crate) fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }

    /// True if this expression contains an aggregate call.
    pub(crate) fn has_aggregate(&self) -> bool {
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

    /// Binding power of the expression as printed.
    pub(crate) fn precedence(&self) -> u8 {
        match &self.kind {
            ExprKind::Binary(op, _, _) => op.precedence(),
            ExprKind::Not(_) => 3,
            ExprKind::IsNull(..) => 5,
            _ => 9,
        }
    }
}

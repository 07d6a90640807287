//! Property tests: printed trees parse back to the same tree, and no input
//! makes the parser or the evaluator panic (over the view of the bundled
//! report).

use crate::graph::KnowledgeGraph;
use crate::model::{DateValue, EdgeKind, Kind, Precision, Ymd};
use crate::query::ast::*;
use crate::query::parse::parse;
use proptest::prelude::*;
use proptest::sample::select;

fn sp() -> Span {
    Span::default()
}

fn ident() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z][a-z0-9_]{0,5}",
        select(vec![
            "país",
            "año",
            "δ",
            "match",
            "Return",
            "no",
            "in",
            "the match",
            "x-y",
            "Ñandú"
        ])
        .prop_map(String::from),
    ]
}

fn ymd() -> impl Strategy<Value = Ymd> {
    (1000i32..2100, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Ymd::new(y, m, d))
}

fn date() -> impl Strategy<Value = DateValue> {
    prop_oneof![
        ymd().prop_map(DateValue::day),
        ymd().prop_map(|d| DateValue::month(d.year, d.month)),
        ymd().prop_map(|d| DateValue::year(d.year)),
        (ymd(), ymd()).prop_map(|(a, b)| DateValue {
            start: a.min(b),
            end: a.max(b),
            precision: Precision::Range,
            inferred: false,
        }),
    ]
}

fn literal() -> impl Strategy<Value = Literal> {
    prop_oneof![
        "\\PC{0,8}".prop_map(Literal::Str),
        any::<i64>().prop_map(Literal::Int),
        any::<bool>().prop_map(Literal::Bool),
        Just(Literal::Null),
        date().prop_map(Literal::Date),
    ]
}

fn e(kind: ExprKind) -> Expr {
    Expr::new(kind, sp())
}

fn expr() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        literal().prop_map(|l| e(ExprKind::Lit(l))),
        ident().prop_map(|v| e(ExprKind::Var(v))),
        (ident(), ident()).prop_map(|(v, k)| e(ExprKind::Prop(Box::new(e(ExprKind::Var(v))), k))),
        Just(e(ExprKind::CountStar)),
    ];
    let ops = vec![
        BinOp::Or,
        BinOp::And,
        BinOp::Eq,
        BinOp::Ne,
        BinOp::Lt,
        BinOp::Le,
        BinOp::Gt,
        BinOp::Ge,
        BinOp::In,
        BinOp::Contains,
        BinOp::StartsWith,
        BinOp::EndsWith,
    ];
    let names = vec![
        "count", "collect", "min", "max", "size", "year", "sentence", "snippet", "awaiting",
    ];
    leaf.prop_recursive(4, 24, 3, move |inner| {
        prop_oneof![
            inner.clone().prop_map(|x| e(ExprKind::Not(Box::new(x)))),
            (inner.clone(), any::<bool>()).prop_map(|(x, n)| e(ExprKind::IsNull(Box::new(x), n))),
            (select(ops.clone()), inner.clone(), inner.clone())
                .prop_map(|(op, a, b)| e(ExprKind::Binary(op, Box::new(a), Box::new(b)))),
            prop::collection::vec(inner.clone(), 0..3).prop_map(|v| e(ExprKind::List(v))),
            (inner.clone(), ident()).prop_map(|(x, k)| e(ExprKind::Prop(Box::new(x), k))),
            (
                select(names.clone()),
                any::<bool>(),
                prop::collection::vec(inner, 0..3)
            )
                .prop_map(|(name, distinct, args)| e(ExprKind::Call {
                    name: name.to_string(),
                    distinct: distinct && !args.is_empty(),
                    args,
                })),
        ]
    })
}

fn props() -> impl Strategy<Value = Vec<(String, Literal)>> {
    prop::collection::vec((ident(), literal()), 0..2)
}

fn node() -> impl Strategy<Value = NodePattern> {
    (
        prop::option::of(ident()),
        prop::collection::vec(select(Kind::ALL.to_vec()), 0..3),
        props(),
    )
        .prop_map(|(var, mut kinds, props)| {
            kinds.dedup();
            let mut seen = Vec::new();
            kinds.retain(|k| {
                let new = !seen.contains(k);
                seen.push(*k);
                new
            });
            NodePattern {
                var,
                kinds,
                props,
                span: sp(),
            }
        })
}

fn rel() -> impl Strategy<Value = RelPattern> {
    (
        prop::option::of(ident()),
        prop::collection::vec(select(EdgeKind::ALL.to_vec()), 0..3),
        select(vec![Direction::Left, Direction::Right, Direction::Either]),
        prop::option::of((0u32..5, prop::option::of(0u32..5))),
        props(),
    )
        .prop_map(|(var, mut kinds, dir, hops, props)| {
            let mut seen = Vec::new();
            kinds.retain(|k| {
                let new = !seen.contains(k);
                seen.push(*k);
                new
            });
            RelPattern {
                var,
                kinds,
                dir,
                hops: hops.map(|(min, max)| (min, max.map(|m| m + min))),
                props,
                span: sp(),
            }
        })
}

fn path() -> impl Strategy<Value = PathPattern> {
    (node(), prop::collection::vec((rel(), node()), 0..3)).prop_map(|(start, steps)| PathPattern {
        start,
        steps,
        span: sp(),
    })
}

fn pattern() -> impl Strategy<Value = PatternQuery> {
    let clause = (
        any::<bool>(),
        prop::collection::vec(path(), 1..3),
        prop::option::of(expr()),
    )
        .prop_map(|(optional, paths, where_)| MatchClause {
            optional,
            paths,
            where_,
            span: sp(),
        });
    let item = (expr(), prop::option::of(ident())).prop_map(|(expr, alias)| ReturnItem {
        expr,
        alias,
        span: sp(),
    });
    let order = (expr(), any::<bool>()).prop_map(|(expr, desc)| OrderItem {
        expr,
        desc,
        span: sp(),
    });
    (
        prop::collection::vec(clause, 1..3),
        any::<bool>(),
        prop::collection::vec(item, 1..3),
        prop::collection::vec(order, 0..2),
        prop::option::of(any::<u64>()),
        prop::option::of(any::<u64>()),
    )
        .prop_map(
            |(clauses, distinct, items, order, skip, limit)| PatternQuery {
                clauses,
                ret: Return {
                    distinct,
                    items,
                    span: sp(),
                },
                order,
                skip,
                limit,
                span: sp(),
            },
        )
}

/// Names that read as one unquoted reference in every question form.
fn entity() -> impl Strategy<Value = EntityRef> {
    let word = select(vec![
        "Costa", "Rica", "VII", "CRM", "Honduras", "IV.E(1)", "Panamá", "GRCM", "octubre",
        "SIEMCA", "D.C.",
    ]);
    prop_oneof![
        prop::collection::vec(word, 1..4).prop_map(|w| EntityRef::Bare(w.join(" "), sp())),
        "\\PC{0,10}".prop_map(|s| EntityRef::Quoted(s, sp())),
        "[a-z]{2,8}:[a-z0-9./()#-]{1,12}".prop_map(|s| EntityRef::Id(s, sp())),
    ]
}

fn date_lit() -> impl Strategy<Value = DateLit> {
    date().prop_map(|value| DateLit { value, span: sp() })
}

fn question() -> impl Strategy<Value = Question> {
    prop_oneof![
        (
            prop::option::of(entity()),
            prop::option::of(date_lit()),
            any::<bool>()
        )
            .prop_map(|(meeting, on, owing)| Question::Awaiting {
                owing: owing && meeting.is_some(),
                meeting,
                on,
                span: sp(),
            }),
        entity().prop_map(|agreement| Question::NotResponded {
            agreement,
            span: sp()
        }),
        date_lit().prop_map(|d| Question::Meetings {
            place: Place::Date(d),
            span: sp()
        }),
        entity().prop_map(|p| Question::Meetings {
            place: Place::Named(p),
            span: sp()
        }),
        (any::<bool>(), entity()).prop_map(|(docs, what)| Question::Mentioning {
            target: if docs {
                MentionTarget::Documents
            } else {
                MentionTarget::Sections
            },
            what,
            span: sp()
        }),
        // The parser reads an event question's dates as their first and
        // last days (`in October 2002` is both).
        (date_lit(), date_lit()).prop_map(|(from, to)| Question::Events {
            from: DateLit {
                value: DateValue::day(from.value.start),
                span: sp()
            },
            to: DateLit {
                value: DateValue::day(to.value.end),
                span: sp()
            },
            span: sp()
        }),
        (entity(), entity()).prop_map(|(from, to)| Question::Path {
            from,
            to,
            span: sp()
        }),
        (0..17usize, entity()).prop_map(|(k, entity)| Question::About {
            about: [
                About::Agreed,
                About::Place,
                About::Date,
                About::Responded,
                About::Agreements,
                About::Recommended,
                About::Presided,
                About::Hosted,
                About::Letters,
                About::FollowUps,
                About::Tasks,
                About::Titled,
                About::Members,
                About::Attended,
                About::Status,
                About::Proposals,
                About::AdoptedAt,
            ][k],
            entity,
            span: sp(),
        }),
        entity().prop_map(|entity| Question::Show { entity, span: sp() }),
        date_lit().prop_map(|on| Question::ProTempore { on, span: sp() }),
    ]
}

fn statement() -> impl Strategy<Value = Statement> {
    let body = prop_oneof![
        3 => pattern().prop_map(Body::Pattern),
        2 => question().prop_map(Body::Question),
        1 => (entity(), select(EdgeKind::ALL.to_vec()), entity()).prop_map(|(subject, edge, object)| {
            Body::Why(Why { subject, edge, object, span: sp() })
        }),
    ];
    (any::<bool>(), body, prop::option::of(date_lit())).prop_map(|(explain, body, as_of)| {
        Statement {
            explain,
            body,
            as_of,
            span: sp(),
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn printed_trees_parse_back_to_the_same_tree(s in statement()) {
        let text = s.to_string();
        match parse(&text) {
            Ok(back) => prop_assert_eq!(back, s, "{}", text),
            Err(e) => prop_assert!(false, "{} did not parse: {}", text, e),
        }
    }

    #[test]
    fn random_text_never_panics(s in "\\PC{0,80}") {
        let _ = parse(&s);
    }

    #[test]
    fn query_like_text_never_panics_the_parser_or_evaluator(
        words in prop::collection::vec(select(vec![
            "match", "(", ")", "(a)", "(b:meeting)", "-[:adopted_at]->", "<-[r*1..2]-", "-", "[", "]",
            "where", "return", "a", "a.name", "=", "<", "and", "or", "not", "\"x\"", "2002-12-31",
            "count(*)", "collect(a)", "order", "by", "limit", "3", "as", "of", "meetings", "in",
            "Guatemala", "agreements", "from", "VII", "CRM", "awaiting", "show", "why", "awaits",
            "explain", "?", ",", "{", "}", ":", "name", "optional", "distinct", "é", "\n",
        ]), 0..16)
    ) {
        let q = words.join(" ");
        let _ = parse(&q);
        let kg = graph();
        let _ = crate::query::run(kg, &q);
    }
}

/// Found by the property above: a quoted name that folds to an acronym
/// (`"ﬅ"` folds to `st`, the Technical Secretariat's `ST`) was renamed and
/// lost its quotes, and so parsed back as another tree.
#[test]
fn a_quoted_name_parses_back_as_quoted() {
    for name in ["ﬅ", "st", "rcm  7", "7th rcm"] {
        let s = Statement {
            explain: false,
            body: Body::Why(Why {
                subject: EntityRef::Bare("Costa".into(), sp()),
                edge: EdgeKind::PartOf,
                object: EntityRef::Quoted(name.into(), sp()),
                span: sp(),
            }),
            as_of: None,
            span: sp(),
        };
        let text = s.to_string();
        assert_eq!(parse(&text).ok(), Some(s), "{text}");
    }
}

#[test]
fn random_patterns_evaluate_without_panicking() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let kg = graph();
    let mut runner = TestRunner::deterministic();
    let strategy = pattern();
    for _ in 0..300 {
        let Ok(tree) = strategy.new_tree(&mut runner) else {
            continue;
        };
        let q = Statement {
            explain: false,
            body: Body::Pattern(tree.current()),
            as_of: None,
            span: sp(),
        };
        let _ = crate::query::run_statement(kg, &q);
    }
}

/// The view every evaluation here runs over, built once.
fn graph() -> &'static KnowledgeGraph {
    static KG: std::sync::OnceLock<KnowledgeGraph> = std::sync::OnceLock::new();
    KG.get_or_init(crate::view::bundled)
}

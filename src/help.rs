//! The text of `:help [topic]`: questions, patterns, entities, output,
//! annotations, examples. Every example here is run by the test suite on the
//! bundled report, so the help never shows a query that does not work.

/// Example queries, one per line, shown by `:help examples` and checked by
/// the tests.
pub(crate) const EXAMPLES: &[&str] = &[
    "which agreements from VII CRM still await responses from which countries?",
    "acuerdos de la VII CRM pendientes de respuesta",
    "which countries have not responded to IV.E(1)?",
    "meetings in Guatemala",
    "meetings in 2002",
    "reuniones en Guatemala",
    "sections mentioning OIM",
    "documents mentioning \"trata de personas\"",
    "show SIEMCA",
    "path from Costa Rica to SIEMCA",
    "events between 2002-08-01 and 2003-02-28",
    "trace IV.A",
    "explain which agreements from VII CRM still await responses from which countries?",
    "match (a:agreement)-[:adopted_at]->(m:meeting {name: \"VII CRM\"}) return a.name, m.name",
    "match (e:event)-[:follows_up]->(a:agreement) return e.date, e.name, a.name order by e.date",
    "match (s:section)-[:mentions]->(c:country) return c.name, count(s) as sections order by sections desc limit 5",
];

const GENERAL: &str = "\
acta answers questions about meeting reports. Type a question or a pattern,
end it with Enter (an open bracket or quote, or a trailing \\, continues it).

  :help questions    researcher questions in English or Spanish
  :help patterns     graph patterns (GQL / openCypher style)
  :help entities     how to name meetings, countries, agreements
  :help output       formats, sources, timing, pager
  :help annotations  assert, retract, confirm, reject
  :help examples     questions to try

  :schema            kinds and edge types with counts
  :format table|json|csv|tsv   :sources on|off   :timing on|off
  :pager on|off      long answers through $PAGER, or printed whole
  :explain <query>   the pattern a question compiles to
  :load <file>       run a script     :ingest <file>   add a report
  :quit              leave (or Ctrl-D); Ctrl-C cancels the line
";

/// `:help questions`: every question form with an example in each
/// language (the table the error for a question not understood also
/// reads), and what any question may add.
fn questions() -> String {
    let mut text = String::from(
        "Questions, in English or Spanish (question marks, accents and `the`/`la` optional):\n\n",
    );
    for (what, en, es) in crate::query::forms::FORMS {
        text.push_str(&format!("  {what}\n    {en}\n    {es}\n"));
    }
    text.push_str(
        "  how a fact was reached\n    why IV.E(1) awaits Honduras\n    por qué IV.E(1) espera Honduras\n\n\
Any question or pattern may end with `as of <date>` to answer with what was\n\
known by that date. Dates as people write them: 2002-12-31, 2002, 31 de\n\
diciembre de 2002, October 2002, the end of 2002. `explain <question>` prints\n\
the pattern a question runs.\n",
    );
    text
}

const PATTERNS: &str = "\
Patterns (a subset of GQL / openCypher):

  match (a:agreement)-[:adopted_at]->(m:meeting {name: \"VII CRM\"})
  optional match (a)<-[:follows_up]-(e:event)
  where m.date >= 2002-01-01 and not a.name contains \"presupuesto\"
  return a.name, count(e) as letters, collect(e.date)
  order by letters desc limit 10

Node kinds: document section meeting agreement country organization person event
Edges: part_of mentions adopted_at reaffirmed_at recommended_at
  requests_response_from responded awaits follows_up held_in member_of
  presided_by proposed_by concerns evolved_into same_as
Variable length: -[:part_of*1..3]->   Either direction: -[:mentions]-
String comparison ignores accents, case and spacing, as names do.
";

const ENTITIES: &str = "\
Naming things:
  ids:        meeting:crm-07  country:mx  agreement:<doc>/IV.E(1)
  meetings:   VII CRM, \"VII Reunión de la CRM\", CRM 7, GRCM octubre 2002
  countries:  México, Mexico, MEXICO, MX — accents and case do not matter
  sections:   IV.E(1) (with several documents: <doc>/IV.E(1))
  names with spaces or punctuation can be quoted: \"Costa Rica\"
An unknown or ambiguous name is an error that lists the nearest candidates.
";

const OUTPUT: &str = "\
Output:
  :format table   aligned columns fitted to the terminal (default)
  :format json    {\"columns\", \"rows\", \"sources\", \"caveats\", \"records\"}
  :format csv     RFC 4180 with a header     :format tsv   tab-separated
                  an entity as two columns (country_id, country), one row
                  per value of a list; every form's columns: docs/answers.md
  :sources on     each row's sources: document, section, sentence
  :timing on      how long each answer took
  :pager off      print long answers whole instead of through $PAGER
Shell: acta query '<query>' --format json|csv|tsv|table [--width N]
[-o FILE]; acta query -f file.aq; acta query - (statements on stdin, a line
each). Results go to stdout, messages to stderr.
";

const ANNOTATIONS: &str = "\
Annotations (stored with author, time, reason and source; never delete what
a report says — a retraction hides a fact and keeps it for why and trace):

  assert Canadá responded to IV.E(1) on 2003-01-20 source \"email from the ST\"
  retract III adopted_at \"VII CRM\" because \"misread: it was the GRCM\"
  confirm <agreement> same_as <agreement>
  reject <agreement> same_as <agreement> because \"different programmes\"

The author is --author, else $ACTA_AUTHOR, else your user name.
";

/// A help topic that does not exist.
#[derive(Debug, thiserror::Error)]
#[error("no help topic `{0}`: try questions, patterns, entities, output, annotations or examples")]
pub struct UnknownTopic(String);

/// The help text of a topic ("" for the overview).
pub(crate) fn topic(name: &str) -> Result<String, UnknownTopic> {
    Ok(match crate::text::normalize(name).as_str() {
        "" => GENERAL.to_string(),
        "questions" | "question" | "preguntas" => questions(),
        "patterns" | "pattern" | "match" => PATTERNS.to_string(),
        "entities" | "entity" | "names" => ENTITIES.to_string(),
        "output" | "format" | "formats" => OUTPUT.to_string(),
        "annotations" | "annotation" | "assert" => ANNOTATIONS.to_string(),
        "examples" | "example" | "ejemplos" => {
            let mut s = String::from("Examples:\n");
            for e in EXAMPLES {
                s.push_str("  ");
                s.push_str(e);
                s.push('\n');
            }
            s
        }
        other => return Err(UnknownTopic(other.to_string())),
    })
}

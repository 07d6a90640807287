//! The same report arriving twice: as its PDF after its Word file, or
//! saved under another name. A text whose sketch is close enough to a
//! stored document's ([`ingest::likeness`]) is one report, not two: the
//! reading that holds more facts is kept, under the stored document's id,
//! and the other is remembered so that ingesting it again is a no-op. A
//! file of the same name and format as the stored one is a new version and
//! replaces it as before.

use super::KnowledgeBase;
use crate::error::Error;
use crate::ingest::likeness::{self, Sketch, SAME_REPORT};
use crate::ingest::{self, IngestReport};
use crate::model::{FactBundle, Value};
use crate::store::{OtherReading, PutOutcome, Reading};

impl KnowledgeBase {
    /// Store a prepared report, telling a second reading of a stored one.
    pub(super) fn put_reading(
        &self,
        name: &str,
        bytes: &[u8],
        bundle: FactBundle,
        report: IngestReport,
    ) -> Result<(PutOutcome, IngestReport), Error> {
        let reading = reading_of(&bundle);
        self.put_read(name, bytes, bundle, report, reading)
    }

    /// [`put_reading`](Self::put_reading) with the reading already made
    /// (with [`reading_of`], where the report was prepared).
    pub(super) fn put_read(
        &self,
        name: &str,
        bytes: &[u8],
        bundle: FactBundle,
        mut report: IngestReport,
        reading: Option<Reading>,
    ) -> Result<(PutOutcome, IngestReport), Error> {
        let twin = match &reading {
            Some(r) if !self.store.has_hash(&bundle.doc.hash)? => self.twin_of(r)?,
            _ => None,
        };
        let Some((id, stored)) = twin.filter(|(id, stored)| {
            let new_version =
                *id == bundle.doc.id && reading.as_ref().is_some_and(|r| r.format == stored.format);
            !new_version
        }) else {
            let outcome = self.store.put_read_document(&bundle, reading.as_ref())?;
            return Ok((outcome, report));
        };
        let Some(reading) = reading else {
            unreachable!("a twin is only looked for with a reading")
        };
        report.doc_id = id.clone();
        if reading.richness <= stored.richness {
            let other = OtherReading {
                id: id.clone(),
                file: reading.file,
                format: reading.format,
            };
            self.store.add_other_reading(&bundle.doc.hash, &other)?;
            let kept = format!("{} ({})", stored.file, stored.format);
            return Ok((PutOutcome::OtherReading { id, kept }, report));
        }
        let bundle = if id == bundle.doc.id {
            bundle
        } else {
            ingest::prepare_as(&id, name, bytes, &self.gazetteer)?.0
        };
        self.replace_reading(&id, &bundle, &reading, &stored)?;
        let previous = format!("{} ({})", stored.file, stored.format);
        Ok((PutOutcome::RicherReading { id, previous }, report))
    }

    /// The stored document this reading is most like, if it is like one
    /// enough to be the same report.
    fn twin_of(&self, reading: &Reading) -> Result<Option<(String, Reading)>, Error> {
        let mine = Sketch(reading.sketch.clone());
        let mut best: Option<(f64, String, Reading)> = None;
        for (id, r) in self
            .store
            .twin_candidates(&reading.bands, likeness::BANDS_SHARED)?
        {
            let likeness = mine.likeness(&Sketch(r.sketch.clone()));
            if likeness >= SAME_REPORT && best.as_ref().is_none_or(|(b, ..)| likeness > *b) {
                best = Some((likeness, id, r));
            }
        }
        Ok(best.map(|(_, id, r)| (id, r)))
    }

    /// Put the richer `bundle` in the place of stored document `id`, and
    /// remember the reading it replaces (and those it had replaced).
    fn replace_reading(
        &self,
        id: &str,
        bundle: &FactBundle,
        reading: &Reading,
        stored: &Reading,
    ) -> Result<(), Error> {
        let old_hash = self.store.document(id)?.map(|d| d.doc.hash);
        let earlier: Vec<(String, OtherReading)> = self
            .store
            .other_readings()?
            .into_iter()
            .filter(|(_, o)| o.id == id)
            .collect();
        self.store.put_read_document(bundle, Some(reading))?;
        if let Some(hash) = old_hash {
            let other = OtherReading {
                id: id.to_string(),
                file: stored.file.clone(),
                format: stored.format.clone(),
            };
            self.store.add_other_reading(&hash, &other)?;
        }
        for (hash, other) in earlier {
            if hash != bundle.doc.hash {
                self.store.add_other_reading(&hash, &other)?;
            }
        }
        Ok(())
    }
}

/// How a prepared report was read: its file and format (from its
/// document node), the number of facts read from it, and its sketch.
pub(crate) fn reading_of(bundle: &FactBundle) -> Option<Reading> {
    let sketch = Sketch::of(&bundle.doc.text)?;
    let format = bundle
        .nodes
        .first()
        .and_then(|n| n.attrs.iter().find(|a| &*a.key == "format"))
        .and_then(|a| match &a.value {
            Value::Text(t) => Some(t.clone()),
            _ => None,
        })
        .unwrap_or_else(|| "text".to_string());
    let facts = bundle
        .nodes
        .iter()
        .map(|n| 1 + n.attrs.len())
        .sum::<usize>()
        + bundle.edges.len()
        + bundle.requests.len();
    Some(Reading {
        file: bundle.doc.file.clone(),
        format,
        richness: facts as u64,
        bands: sketch.bands(),
        sketch: sketch.0,
    })
}

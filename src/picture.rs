//! Pictures of a view for papers and the web view, drawn as SVG text with
//! no external program: an agreement's history as a timeline
//! (`timeline.rs`, placed by `layout.rs`) and a meeting's agreements with
//! their status (`meeting.rs`). This file holds what both share: the font,
//! text widths for placing labels, escaping.

mod layout;
mod meeting;
mod timeline;

pub use meeting::meeting;
pub use timeline::timeline;

/// Label font size, in user units.
pub(crate) const FONT: f64 = 10.0;

/// Advance widths of Helvetica-Bold (and the metric-compatible Arial Bold
/// and Liberation Sans Bold), in thousandths of an em, for ' '..='~'. Bold
/// is the wider face, so every label line is measured with it.
const BOLD_WIDTHS: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // ' '../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 0..?
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // @..O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // P.._
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // `..o
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, // p..~
];

/// Width of `text` at `FONT` in the bold face, with a 5% margin for a
/// renderer that substitutes a slightly wider sans-serif. Accented letters
/// count as their base letter; other characters as a full em.
pub(crate) fn text_width(text: &str) -> f64 {
    use unicode_normalization::UnicodeNormalization;
    let units: u32 = text
        .chars()
        .map(|c| {
            let base = c.nfd().next().unwrap_or(c);
            match base {
                ' '..='~' => u32::from(BOLD_WIDTHS[base as usize - 32]),
                '·' => 278,
                '§' => 556,
                _ => 1000,
            }
        })
        .sum();
    f64::from(units) / 1000.0 * FONT * 1.05
}
/// Escape text for an SVG text node or attribute; control characters dropped.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Cut `text` to at most `max` characters, with an ellipsis when cut.
pub(crate) fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// The opening of an SVG document of the given size, white background.
pub(crate) fn open(width: f64, height: f64, title: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height:.0}\" \
         viewBox=\"0 0 {width} {height:.0}\" font-family=\"Helvetica, Arial, &apos;Liberation Sans&apos;, sans-serif\" \
         font-size=\"{FONT}\">\n<title>{}</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n",
        esc(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_face() {
        assert!(text_width("WWW") > text_width("iii") * 3.0);
        assert_eq!(text_width("é"), text_width("e"));
        assert!(text_width("adopted at VI CRM") > 80.0);
    }

    #[test]
    fn escaping_keeps_markup_out() {
        assert_eq!(esc("<script>&\"'\u{1b}"), "&lt;script&gt;&amp;&quot;&#39;");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
    }
}

//! The yearly report as a page: what the console's "Báo cáo năm" shows and what `canhgac report
//! --format html` writes (the same body, a standalone document with the stylesheet inside).
//! Laid out as an official report (national motto, unit, place and date, sections by the
//! regulation's articles), with SVG charts drawn from numbers, printable from the browser.

use super::view::{self, Chart};
use crate::report::{Column, FILTERING, Figures, MailboxLine, SECRETS, USE, YearReport};
use askama::Template;

/// The console's stylesheet (also inlined into a standalone report).
pub const STYLE: &str = include_str!("templates/style.css");

/// A row of a table: its label and its cells, formatted.
pub struct Row {
    pub label: String,
    pub cells: Vec<String>,
}

/// A table of figures by month.
pub struct Table {
    pub id: &'static str,
    pub title: &'static str,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Row>,
}

/// A mailbox line, formatted.
pub struct Mailbox {
    pub address: String,
    pub name: String,
    pub unit: String,
    pub last_sent: String,
    pub last_received: String,
}

/// What the report's body shows, formatted for people.
pub struct Body {
    pub year: i64,
    pub province: bool,
    pub unit_name: String,
    pub place_date: String,
    pub generated: String,
    pub counted_since: String,
    pub tables: Vec<Table>,
    pub use_chart: Chart,
    pub stopped_chart: Chart,
    pub unit_headers: Vec<&'static str>,
    pub units: Vec<Row>,
    pub inactive_days: u32,
    pub mailboxes: String,
    pub inactive: Vec<Mailbox>,
    pub unlisted: Vec<Mailbox>,
    /// A short summary sentence per part, in words.
    pub summary: Vec<String>,
}

/// A number the Vietnamese way: `12.345`.
pub fn vi_number(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A size the Vietnamese way: `1,2 MB`, `350 kB`, `12 byte`.
pub fn vi_size(bytes: i64) -> String {
    let b = bytes.max(0) as f64;
    let (v, unit) = if b >= 1e9 {
        (b / 1e9, "GB")
    } else if b >= 1e6 {
        (b / 1e6, "MB")
    } else if b >= 1e3 {
        (b / 1e3, "kB")
    } else {
        return format!("{bytes} byte");
    };
    format!("{v:.1} {unit}").replace('.', ",")
}

fn cell(f: &Figures, c: &Column) -> String {
    let v = f.value(c);
    if c.id == "bytes" { vi_size(v) } else { vi_number(v) }
}

fn table(id: &'static str, title: &'static str, cols: &[Column], r: &YearReport) -> Table {
    let mut rows: Vec<Row> = r
        .months
        .iter()
        .enumerate()
        .map(|(i, m)| Row {
            label: format!("Tháng {}", i + 1),
            cells: cols.iter().map(|c| cell(m, c)).collect(),
        })
        .collect();
    rows.push(Row {
        label: "Cả năm".to_owned(),
        cells: cols.iter().map(|c| cell(&r.total, c)).collect(),
    });
    Table {
        id,
        title,
        headers: cols.iter().map(|c| c.label).collect(),
        rows,
    }
}

fn day(t: Option<i64>) -> String {
    t.map_or_else(
        || "chưa có".to_owned(),
        |t| {
            let (y, m, d, ..) = crate::time::vietnam_civil(t);
            format!("{d:02}/{m:02}/{y}")
        },
    )
}

fn mailbox(m: &MailboxLine) -> Mailbox {
    Mailbox {
        address: m.address.clone(),
        name: m.name.clone(),
        unit: m.unit.clone(),
        last_sent: day(m.last_sent),
        last_received: day(m.last_received),
    }
}

/// The unit columns of the province-wide table.
const UNIT_COLUMNS: [&str; 6] = [
    "sent_internal",
    "sent_external",
    "received_external",
    "spam_refused",
    "virus",
    "held_marking",
];

/// Formats a report for people.
pub fn body(r: &YearReport) -> Body {
    let (y, m, d, ..) = crate::time::vietnam_civil(r.generated_at);
    let months = |f: &dyn Fn(&Figures) -> i64| -> Vec<(String, u64)> {
        r.months
            .iter()
            .enumerate()
            .map(|(i, m)| (format!("T{}", i + 1), f(m).max(0) as u64))
            .collect()
    };
    let unit_cols: Vec<&Column> = UNIT_COLUMNS
        .iter()
        .filter_map(|id| crate::report::columns().find(|c| c.id == *id))
        .collect();
    let t = &r.total;
    let value = |id: &str| {
        crate::report::columns()
            .find(|c| c.id == id)
            .map_or(0, |c| t.value(c))
    };
    let usage = if r.unit.is_none() {
        // Province-wide, a message between two units is counted once, as sent inside.
        format!(
            "Trong năm {}, các cơ quan, đơn vị trong tỉnh trao đổi với nhau {} thư, gửi ra ngoài tỉnh {} thư và nhận từ ngoài tỉnh {} thư, kèm {} tệp đính kèm, tổng dung lượng {}.",
            r.year,
            vi_number(value("sent_internal")),
            vi_number(value("sent_external")),
            vi_number(value("received_external")),
            vi_number(value("attachments")),
            vi_size(value("bytes")),
        )
    } else {
        format!(
            "Trong năm {}, {} gửi {} thư (trong tỉnh {}, ra ngoài tỉnh {}) và nhận {} thư (trong tỉnh {}, từ ngoài tỉnh {}), kèm {} tệp đính kèm, tổng dung lượng {}.",
            r.year,
            r.unit_name,
            vi_number(value("sent_internal") + value("sent_external")),
            vi_number(value("sent_internal")),
            vi_number(value("sent_external")),
            vi_number(value("received_internal") + value("received_external")),
            vi_number(value("received_internal")),
            vi_number(value("received_external")),
            vi_number(value("attachments")),
            vi_size(value("bytes")),
        )
    };
    let summary = vec![
        usage,
        format!(
            "Cổng lọc đã từ chối {} thư rác và gắn nhãn {} thư rác, chặn {} thư có virus, mã độc, từ chối {} thư có tệp đính kèm vượt giới hạn 20 MB (Điều 6) và phát hiện {} thư giả mạo người gửi.",
            vi_number(value("spam_refused")),
            vi_number(value("spam_tagged")),
            vi_number(value("virus")),
            vi_number(value("oversize")),
            vi_number(value("forged_sender")),
        ),
        format!(
            "Đã giữ lại {} thư có dấu hiệu thông tin mật (MẬT: {}, TỐI MẬT: {}, TUYỆT MẬT: {}), không để truyền qua hệ thống thư điện tử công vụ; đã gửi {} cảnh báo tới bộ phận bảo mật và các đơn vị liên quan.",
            vi_number(value("held_marking")),
            vi_number(value("level_mat")),
            vi_number(value("level_toi_mat")),
            vi_number(value("level_tuyet_mat")),
            vi_number(value("alerts_sent")),
        ),
    ];
    Body {
        year: r.year,
        province: r.unit.is_none(),
        unit_name: r.unit_name.clone(),
        place_date: format!("Lâm Đồng, ngày {d:02} tháng {m:02} năm {y}"),
        generated: crate::time::vietnam_time(r.generated_at),
        counted_since: r
            .counted_since
            .as_deref()
            .and_then(crate::store::parse_day)
            .map_or_else(|| "chưa có số liệu".to_owned(), |t| day(Some(t))),
        tables: vec![
            table(
                "table-use",
                "I. Tình hình sử dụng hộp thư điện tử công vụ",
                USE,
                r,
            ),
            table(
                "table-filtering",
                "II. Kết quả lọc thư và thực hiện Quy chế",
                FILTERING,
                r,
            ),
            table(
                "table-secrets",
                "III. Tài liệu có dấu mật bị ngăn chặn (Điều 4, khoản 2) và xử lý của cán bộ bảo mật",
                SECRETS,
                r,
            ),
        ],
        use_chart: view::column_chart(&months(&|f| f.messages())),
        stopped_chart: view::column_chart(&months(&|f| f.stopped())),
        unit_headers: unit_cols.iter().map(|c| c.label).collect(),
        units: r
            .units
            .iter()
            .map(|u| Row {
                label: if u.name == u.unit {
                    u.unit.clone()
                } else {
                    format!("{} ({})", u.name, u.unit)
                },
                cells: unit_cols.iter().map(|c| cell(&u.total, c)).collect(),
            })
            .collect(),
        inactive_days: r.inactive_days,
        mailboxes: vi_number(r.mailboxes as i64),
        inactive: r.inactive.iter().map(mailbox).collect(),
        unlisted: r.unlisted.iter().map(mailbox).collect(),
        summary,
    }
}

#[derive(Template)]
#[template(path = "report_doc.html")]
struct Document<'a> {
    b: &'a Body,
}

/// Where the stylesheet goes in a standalone document (a CSS comment, so a template that lost
/// it still renders a valid page).
const STYLE_PLACE: &str = "/* canhgac-style */";

/// The report as a standalone HTML document (the console's stylesheet inside), for
/// `canhgac report --format html`.
pub fn standalone(r: &YearReport) -> Result<String, askama::Error> {
    let b = body(r);
    let html = Document { b: &b }.render()?;
    // The stylesheet is the binary's own: set in after escaping, never from a message.
    Ok(html.replacen(STYLE_PLACE, STYLE, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_sizes_the_vietnamese_way() {
        assert_eq!(vi_number(0), "0");
        assert_eq!(vi_number(999), "999");
        assert_eq!(vi_number(1234), "1.234");
        assert_eq!(vi_number(-1_234_567), "-1.234.567");
        assert_eq!(vi_size(1_200_000), "1,2 MB");
        assert_eq!(vi_size(350_000), "350,0 kB");
        assert_eq!(vi_size(12), "12 byte");
    }
}

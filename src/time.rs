//! Civil time in Vietnam (UTC+7 all year, no daylight saving): dates for people, for mail
//! headers (RFC 5322) and for day buckets. Ground floor: imports nothing from the crate.

/// Local time in Vietnam (UTC+7, no daylight saving) from Unix seconds: year, month, day, hour,
/// minute, second, and the weekday (0 = Monday).
pub fn vietnam_civil(unix: i64) -> (i64, i64, i64, i64, i64, i64, usize) {
    let t = unix + 7 * 3600;
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    // 1970-01-01 was a Thursday.
    let weekday = (days + 3).rem_euclid(7) as usize;
    (y, m, d, secs / 3600, secs % 3600 / 60, secs % 60, weekday)
}

/// "12:30:05 ngày 16/11/2026 (giờ Việt Nam)" from Unix seconds.
pub fn vietnam_time(unix: i64) -> String {
    let (y, m, d, hh, mm, ss, _) = vietnam_civil(unix);
    format!("{hh:02}:{mm:02}:{ss:02} ngày {d:02}/{m:02}/{y} (giờ Việt Nam)")
}

/// An RFC 5322 date in Vietnam's time zone.
pub fn rfc5322_date(unix: i64) -> String {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (y, m, d, hh, mm, ss, wd) = vietnam_civil(unix);
    let month = MONTHS[(m.clamp(1, 12) - 1) as usize];
    format!("{}, {d} {month} {y} {hh:02}:{mm:02}:{ss:02} +0700", DAYS[wd])
}

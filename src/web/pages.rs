//! The console's pages and forms: login and logout, dashboard, quarantine list, message view
//! and its actions and spam feedback, `.eml` download, audit log, accounts, allow and block lists. Each handler checks the session, the
//! role and the unit scope, and each form its anti-forgery token, before touching the store.

// Handlers return early with a ready response (`Result<_, Response>`), as axum intends; the
// response is built once per request, so its size does not matter.
#![allow(clippy::result_large_err)]

use super::WebState;
use super::i18n::{Lang, T};
use super::session::{self, COOKIE, LANG_COOKIE, LOGIN_COOKIE, Session, same_secret};
use super::view::{self, Chart, MessageView};
use crate::alerts::vietnam_time;
use crate::store::{Filter, Role, Sort, Status, Store, StoreError, UserError};
use askama::Template;
use axum::extract::{ConnectInfo, FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

type AppState = Arc<WebState>;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(dashboard))
        .route("/login", get(login_page).post(login))
        .route("/logout", post(logout))
        .route("/messages", get(list))
        .route("/messages/{id}", get(message))
        .route("/messages/{id}/eml", get(download))
        .route("/messages/{id}/action", post(act))
        .route("/messages/{id}/feedback", post(feedback))
        .route("/audit", get(audit))
        .route("/report", get(report_page))
        .route("/report.csv", get(report_csv))
        .route("/report.json", get(report_json))
        .route("/users", get(users).post(add_user))
        .route("/users/{name}/disable", post(disable_user))
        .route("/users/{name}/password", post(set_password))
        .route("/users/{name}/unlock", post(unlock_user))
        .route("/lists", get(lists).post(add_list_entry))
        .route("/lists/{id}/remove", post(remove_list_entry))
        .route("/static/style.css", get(style))
        .route("/lang/{code}", get(language))
        .route("/favicon.ico", get(|| async { StatusCode::NOT_FOUND }))
        .fallback(not_found)
}

/// The request's language, session and path, read from its cookies.
pub struct Ctx {
    lang: Lang,
    session: Option<(String, Session)>,
    /// Path and query, for returning here after login.
    here: String,
    method: Method,
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Ctx, Response> {
        let lang = session::cookie(&parts.headers, LANG_COOKIE)
            .and_then(Lang::parse)
            .unwrap_or_else(|| state.language());
        // The session as stored, with the account as it is now: disabled (by the CLI too),
        // changed role and units take effect on the next request.
        let session = match session::cookie(&parts.headers, COOKIE).map(str::to_owned) {
            Some(id) => {
                let (idle, max) = (state.idle_secs, state.max_secs);
                let key = id.clone();
                match blocking(state, move |st| st.session_user(&key, idle, max)).await {
                    Ok(Some(u)) => Some((id.clone(), Session::of(&id, u))),
                    Ok(None) => None,
                    Err(e) => {
                        tracing::error!(error = %e, "web: cannot read the session");
                        None
                    }
                }
            }
            None => None,
        };
        Ok(Ctx {
            lang,
            session,
            here: parts
                .uri
                .path_and_query()
                .map_or("/".to_owned(), |p| p.as_str().to_owned()),
            method: parts.method.clone(),
        })
    }
}

impl Ctx {
    fn t(&self) -> &'static T {
        self.lang.texts()
    }

    /// The session, or the way to the login page: a redirect for pages, 401 for forms.
    fn require(&self) -> Result<&Session, Response> {
        match &self.session {
            Some((_, s)) => Ok(s),
            None if self.method == Method::GET => {
                Err(Redirect::to(&format!("/login?next={}", encode(&self.here))).into_response())
            }
            None => Err(self.error(StatusCode::UNAUTHORIZED, self.t().session_expired)),
        }
    }

    /// The session, when the form carries its anti-forgery token; 403 otherwise.
    fn require_form(&self, csrf: &str) -> Result<&Session, Response> {
        let s = self.require()?;
        if same_secret(&s.csrf, csrf) {
            Ok(s)
        } else {
            tracing::warn!(user = %s.user, path = %self.here, "web: form without a valid anti-forgery token refused");
            Err(self.error(StatusCode::FORBIDDEN, self.t().csrf_failed))
        }
    }

    fn nav(&self, flash: &str) -> Nav {
        let s = self.session.as_ref().map(|x| &x.1);
        Nav {
            lang: self.lang.code(),
            user: s.map(|s| s.user.clone()),
            role: s.map_or("", |s| s.role.as_str()),
            admin: s.is_some_and(|s| s.role == Role::Admin),
            csrf: s.map(|s| s.csrf.clone()).unwrap_or_default(),
            here: encode(&self.here),
            flash: flash.to_owned(),
        }
    }

    fn error(&self, code: StatusCode, text: &str) -> Response {
        let page = ErrorPage {
            t: self.t(),
            nav: self.nav(""),
            code: code.as_u16(),
            text: text.to_owned(),
        };
        (code, render(&page)).into_response()
    }

    fn store_error(&self, e: StoreError) -> Response {
        match e {
            StoreError::NotFound(_) => self.error(StatusCode::NOT_FOUND, self.t().not_found),
            StoreError::State { .. } => self.error(StatusCode::CONFLICT, &e.to_string()),
            StoreError::Invalid(why) => self.error(StatusCode::BAD_REQUEST, &why),
            other => {
                tracing::error!(error = %other, "web: store error");
                self.error(StatusCode::INTERNAL_SERVER_ERROR, &other.to_string())
            }
        }
    }
}

/// The page frame's facts.
pub struct Nav {
    lang: &'static str,
    user: Option<String>,
    role: &'static str,
    admin: bool,
    csrf: String,
    here: String,
    flash: String,
}

/// Renders a template; a failure is logged and answered with a bare 500.
fn render(t: &impl Template) -> Response {
    match t.render() {
        Ok(html) => (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            )],
            html,
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "web: template failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
        }
    }
}

/// Percent-encodes a query value.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A local path to return to (never another site). Browsers drop tabs, newlines and other
/// control characters from a `Location` and read a backslash as a slash, so `/\t/evil.example`
/// or `/\\evil.example` would lead to `//evil.example`: any of them, whitespace, anything but
/// printable ASCII, or a second leading slash makes the target the dashboard.
fn local_path(next: &str) -> &str {
    // Printable ASCII only: our own links percent-encode everything else, and invisible
    // characters (U+200B…) have no business in a path we send a browser to.
    let same_origin = next.starts_with('/')
        && next.len() <= 2048
        && next.bytes().all(|b| b.is_ascii_graphic() && b != b'\\')
        && !next.starts_with("//");
    if same_origin { next } else { "/" }
}

/// A handler's answer: the page, or an early answer (login redirect, 403, 404…).
type Page = Result<Response, Response>;

/// Runs store work on the blocking pool.
async fn blocking<R: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&Store) -> Result<R, StoreError> + Send + 'static,
) -> Result<R, StoreError> {
    let store = state.store.clone();
    tokio::task::spawn_blocking(move || f(&store))
        .await
        .map_err(|e| StoreError::Sql {
            path: state.store.path().to_owned(),
            error: format!("task failed: {e}"),
        })?
}

fn cookie_header(state: &AppState, name: &str, value: &str, max_age: Option<i64>) -> HeaderValue {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict");
    if let Some(a) = max_age {
        c.push_str(&format!("; Max-Age={a}"));
    }
    if state.secure {
        c.push_str("; Secure");
    }
    HeaderValue::from_str(&c).unwrap_or_else(|_| HeaderValue::from_static("x=; Max-Age=0"))
}

fn when(unix: i64) -> String {
    vietnam_time(unix)
}

// ---- static, language, fallback ------------------------------------------------------------

async fn style() -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/css; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("max-age=3600")),
        ],
        super::report::STYLE,
    )
        .into_response()
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NextQuery {
    next: String,
}

async fn language(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<NextQuery>,
) -> Response {
    let lang = Lang::parse(&code).unwrap_or(Lang::Vi);
    let mut res = Redirect::to(local_path(&q.next)).into_response();
    res.headers_mut().insert(
        header::SET_COOKIE,
        cookie_header(&state, LANG_COOKIE, lang.code(), Some(365 * 86_400)),
    );
    res
}

async fn not_found(ctx: Ctx) -> Page {
    ctx.require()?;
    Err(ctx.error(StatusCode::NOT_FOUND, ctx.t().not_found))
}

// ---- login, logout --------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    t: &'static T,
    nav: Nav,
    code: u16,
    text: String,
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    t: &'static T,
    nav: Nav,
    csrf: String,
    next: String,
    error: String,
}

/// Shows the login form. Its anti-forgery token is kept in a cookie; a browser that already
/// has one keeps it (a second tab, or a stray request, must not invalidate the first form).
fn login_form(
    state: &AppState,
    ctx: &Ctx,
    headers: &HeaderMap,
    code: StatusCode,
    next: &str,
    error: &str,
) -> Response {
    let existing = session::cookie(headers, LOGIN_COOKIE)
        .filter(|t| t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(str::to_owned);
    let Some(token) = existing.or_else(session::random_token) else {
        return ctx.error(StatusCode::INTERNAL_SERVER_ERROR, "no randomness");
    };
    let page = LoginPage {
        t: ctx.t(),
        nav: ctx.nav(""),
        csrf: token.clone(),
        next: local_path(next).to_owned(),
        error: error.to_owned(),
    };
    let mut res = (code, render(&page)).into_response();
    res.headers_mut().insert(
        header::SET_COOKIE,
        cookie_header(state, LOGIN_COOKIE, &token, None),
    );
    res
}

async fn login_page(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Query(q): Query<NextQuery>,
) -> Page {
    Ok(login_form(&state, &ctx, &headers, StatusCode::OK, &q.next, ""))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LoginForm {
    csrf: String,
    next: String,
    name: String,
    password: String,
}

async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ctx: Ctx,
    headers: HeaderMap,
    Form(f): Form<LoginForm>,
) -> Page {
    let t = ctx.t();
    let expected = session::cookie(&headers, LOGIN_COOKIE).unwrap_or_default();
    if !same_secret(expected, &f.csrf) {
        return Err(ctx.error(StatusCode::FORBIDDEN, t.csrf_failed));
    }
    let name = f.name.trim().to_owned();
    let ip = session::client_addr(peer.ip(), &headers, &state.config.web.trusted_proxies);
    let refused = |code: StatusCode, text: &str| login_form(&state, &ctx, &headers, code, &f.next, text);
    if state.throttle.blocked(ip) {
        tracing::warn!(user = %name, client = %ip, "web: login refused, too many failures from this address");
        return Err(refused(StatusCode::TOO_MANY_REQUESTS, t.throttled));
    }
    // An account that failed too often waits (30 s, doubling, at most lockout_minutes)
    // before its password is checked again: guessing stays slow, and nobody is locked out
    // for good (an admin unlocks at once).
    let w = &state.config.web;
    let cap = i64::try_from(w.lockout_minutes.saturating_mul(60)).unwrap_or(i64::MAX);
    let (n, max) = (name.clone(), w.max_failed_logins);
    let wait = blocking(&state, move |s| s.user(&n))
        .await
        .map_err(|e| ctx.store_error(e))?
        .map_or(0, |u| u.login_wait(max, cap, crate::store::now()));
    if wait > 0 {
        tracing::warn!(user = %name, client = %ip, wait_secs = wait, "web: login refused, the account waits after failures");
        let mut res = refused(StatusCode::TOO_MANY_REQUESTS, t.throttled);
        if let Ok(v) = HeaderValue::from_str(&wait.to_string()) {
            res.headers_mut().insert(header::RETRY_AFTER, v);
        }
        return Err(res);
    }
    let user = match state.passwords.check(&name, &f.password).await {
        Ok(u) => u,
        Err(session::CheckError::Busy) => {
            tracing::warn!(user = %name, client = %ip, "web: login refused, password checkers busy");
            let mut res = refused(StatusCode::SERVICE_UNAVAILABLE, t.busy);
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
            return Err(res);
        }
        Err(session::CheckError::Store(e)) => return Err(ctx.store_error(e)),
    };
    let who = format!("user:{name}");
    let from = format!("from {ip}");
    let Some(user) = user else {
        state.throttle.failed(ip);
        tracing::warn!(user = %name, client = %ip, "web: login failed");
        let (n, w, fr) = (name.clone(), who, from);
        let _ = blocking(&state, move |s| {
            s.login_failed(&n)?;
            s.audit(&n, "login-failed", &w, &fr)
        })
        .await;
        return Err(refused(StatusCode::UNAUTHORIZED, t.login_failed));
    };
    state.throttle.succeeded(ip);
    let (n, idle, max_secs) = (user.name.clone(), state.idle_secs, state.max_secs);
    let started = blocking(&state, move |s| {
        s.login_succeeded(&n)?;
        s.session_start(&n, idle, max_secs)
    })
    .await
    .map_err(|e| ctx.store_error(e))?;
    let Some(id) = started else {
        return Err(ctx.error(StatusCode::INTERNAL_SERVER_ERROR, "no randomness"));
    };
    tracing::info!(user = %user.name, role = user.role.as_str(), client = %ip, "web: login");
    let n = user.name.clone();
    let _ = blocking(&state, move |s| s.audit(&n, "login", &who, &from)).await;
    let mut res = Redirect::to(local_path(&f.next)).into_response();
    let h = res.headers_mut();
    h.append(header::SET_COOKIE, cookie_header(&state, COOKIE, &id, None));
    h.append(
        header::SET_COOKIE,
        cookie_header(&state, LOGIN_COOKIE, "", Some(0)),
    );
    Ok(res)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CsrfForm {
    csrf: String,
}

async fn logout(State(state): State<AppState>, ctx: Ctx, Form(f): Form<CsrfForm>) -> Page {
    let s = ctx.require_form(&f.csrf)?.clone();
    if let Some((id, _)) = &ctx.session {
        let id = id.clone();
        if let Err(e) = blocking(&state, move |st| st.session_end(&id)).await {
            tracing::error!(error = %e, "web: cannot end the session");
        }
    }
    let who = format!("user:{}", s.user);
    let _ = blocking(&state, move |st| st.audit(&s.user, "logout", &who, "")).await;
    let mut res = Redirect::to("/login").into_response();
    res.headers_mut()
        .insert(header::SET_COOKIE, cookie_header(&state, COOKIE, "", Some(0)));
    Ok(res)
}

// ---- dashboard ------------------------------------------------------------------------------

struct PendingRow {
    message_id: String,
    requested_by: String,
    when: String,
    reason: String,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct Dashboard {
    t: &'static T,
    nav: Nav,
    held: u64,
    days: u32,
    by_day: Chart,
    by_reason: Chart,
    by_level: Chart,
    by_unit: Chart,
    pending: Vec<PendingRow>,
}

async fn dashboard(State(state): State<AppState>, ctx: Ctx) -> Page {
    let s = ctx.require()?;
    let (scope, days) = (s.scope(), state.config.web.dashboard_days);
    let stats = blocking(&state, move |st| st.stats(&scope, i64::from(days)))
        .await
        .map_err(|e| ctx.store_error(e))?;
    let t = ctx.t();
    let reasons: Vec<(String, u64)> = stats
        .by_reason
        .iter()
        .map(|(r, n)| (t.reason_name(r).to_owned(), *n))
        .collect();
    let page = Dashboard {
        t,
        nav: ctx.nav(""),
        held: stats.held,
        days,
        by_day: view::day_chart(&stats),
        by_reason: view::row_chart(&reasons),
        by_level: view::row_chart(&stats.by_level),
        by_unit: view::row_chart(&stats.by_unit),
        pending: stats
            .pending_releases
            .iter()
            .map(|p| PendingRow {
                message_id: p.message_id.clone(),
                requested_by: p.requested_by.clone(),
                when: when(p.requested_at),
                reason: view::visible(&p.reason),
            })
            .collect(),
    };
    Ok(render(&page))
}

// ---- quarantine list ------------------------------------------------------------------------

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct ListQuery {
    status: String,
    reason: String,
    level: String,
    unit: String,
    from: String,
    to: String,
    q: String,
    sort: String,
    dir: String,
    page: String,
}

impl ListQuery {
    fn href(&self, sort: &str, dir: &str, page: usize) -> String {
        let pairs = [
            ("status", self.status.as_str()),
            ("reason", &self.reason),
            ("level", &self.level),
            ("unit", &self.unit),
            ("from", &self.from),
            ("to", &self.to),
            ("q", &self.q),
            ("sort", sort),
            ("dir", dir),
        ];
        let mut url = String::from("/messages?");
        for (k, v) in pairs.iter().filter(|(_, v)| !v.is_empty()) {
            url.push_str(&format!("{k}={}&", encode(v)));
        }
        url.push_str(&format!("page={page}"));
        url
    }
}

struct Opt {
    value: String,
    label: String,
    selected: bool,
}

struct Column {
    href: String,
    label: &'static str,
    arrow: &'static str,
}

struct ListRow {
    id: String,
    received: String,
    sender: String,
    subject: String,
    size: u64,
    score: String,
    status: &'static str,
    status_name: &'static str,
    reason_name: &'static str,
    level: String,
    rcpt: String,
}

#[derive(Template)]
#[template(path = "list.html")]
struct ListPage {
    t: &'static T,
    nav: Nav,
    q: ListQuery,
    statuses: Vec<Opt>,
    reasons: Vec<Opt>,
    levels: Vec<Opt>,
    columns: Vec<Column>,
    rows: Vec<ListRow>,
    total: usize,
    page: usize,
    pages: usize,
    prev: String,
    next: String,
}

fn shorten(s: &str, chars: usize) -> String {
    let v = view::visible(s);
    if v.chars().count() > chars {
        format!("{}…", v.chars().take(chars).collect::<String>())
    } else {
        v
    }
}

async fn list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ListQuery>) -> Page {
    let s = ctx.require()?;
    let t = ctx.t();
    let bad = |what: &str| ctx.error(StatusCode::BAD_REQUEST, &format!("{} ({what})", t.bad_request));
    let status = match q.status.as_str() {
        "" => None,
        v => match Status::parse(v) {
            Some(st) => Some(st),
            None => return Err(bad("status")),
        },
    };
    let reason = match q.reason.as_str() {
        "" => None,
        v if crate::store::REASONS.contains(&v) => Some(v.to_owned()),
        _ => return Err(bad("reason")),
    };
    let day = |v: &str, name: &str| -> Result<Option<i64>, Response> {
        if v.is_empty() {
            Ok(None)
        } else {
            crate::store::parse_day(v).map(Some).ok_or_else(|| bad(name))
        }
    };
    let since = day(&q.from, "from")?;
    let until = day(&q.to, "to")?.map(|d| d + 86_400);
    let sort = if q.sort.is_empty() {
        Sort::Received
    } else {
        match Sort::parse(&q.sort) {
            Some(x) => x,
            None => return Err(bad("sort")),
        }
    };
    let ascending = q.dir == "asc";
    let page = if q.page.is_empty() {
        1
    } else {
        match q.page.parse::<usize>() {
            Ok(p) if p >= 1 => p,
            _ => return Err(bad("page")),
        }
    };
    let per_page = state.config.web.page_size;
    let filter = Filter {
        status,
        reason,
        level: (!q.level.is_empty()).then(|| q.level.clone()),
        unit: (!q.unit.trim().is_empty()).then(|| q.unit.trim().to_owned()),
        since,
        until,
        search: q.q.chars().take(200).collect(),
        sort,
        ascending,
        page,
        per_page,
        scope: s.scope(),
    };
    let result = blocking(&state, move |st| Ok((st.query(&filter)?, st.levels()?))).await;
    let (found, levels) = result.map_err(|e| ctx.store_error(e))?;
    let pages = found.total.div_ceil(per_page).max(1);
    let columns = [
        (Sort::Received, t.received),
        (Sort::Sender, t.sender),
        (Sort::Subject, t.subject),
        (Sort::Size, t.size),
        (Sort::Score, t.score),
        (Sort::Status, t.status),
    ]
    .into_iter()
    .map(|(c, label)| {
        let current = c == sort;
        let dir = if current && !ascending { "asc" } else { "desc" };
        Column {
            href: q.href(c.as_str(), dir, 1),
            label,
            arrow: match (current, ascending) {
                (true, true) => " ▲",
                (true, false) => " ▼",
                _ => "",
            },
        }
    })
    .collect();
    let opts = |values: Vec<(String, String)>, current: &str| -> Vec<Opt> {
        values
            .into_iter()
            .map(|(value, label)| Opt {
                selected: value == current,
                value,
                label,
            })
            .collect()
    };
    let statuses = Status::ALL
        .iter()
        .map(|v| (v.as_str().to_owned(), t.status_name(v.as_str()).to_owned()))
        .collect();
    let reasons = crate::store::REASONS
        .iter()
        .map(|v| ((*v).to_owned(), t.reason_name(v).to_owned()))
        .collect();
    let levels = levels.into_iter().map(|l| (l.clone(), l)).collect();
    let (dir, sort_s) = (if ascending { "asc" } else { "desc" }, sort.as_str());
    let page_view = ListPage {
        t,
        nav: ctx.nav(""),
        statuses: opts(statuses, &q.status),
        reasons: opts(reasons, &q.reason),
        levels: opts(levels, &q.level),
        columns,
        rows: found
            .rows
            .iter()
            .map(|r| ListRow {
                id: r.id.clone(),
                received: when(r.received_at),
                sender: shorten(&r.mail_from, 60),
                subject: shorten(&r.subject, 100),
                size: r.size,
                score: format!("{:.1}", r.score),
                status: r.status.as_str(),
                status_name: t.status_name(r.status.as_str()),
                reason_name: t.reason_name(&r.reason),
                level: r.level.clone().unwrap_or_default(),
                rcpt: shorten(&r.rcpt_to.join(", "), 80),
            })
            .collect(),
        total: found.total,
        page,
        pages,
        prev: if page > 1 {
            q.href(sort_s, dir, page - 1)
        } else {
            String::new()
        },
        next: if page < pages {
            q.href(sort_s, dir, page + 1)
        } else {
            String::new()
        },
        q: ListQuery {
            sort: sort_s.to_owned(),
            dir: dir.to_owned(),
            ..q.clone()
        },
    };
    Ok(render(&page_view))
}

// ---- one message ----------------------------------------------------------------------------

/// The record of a message the session may see; 404 for a message outside its units (the
/// same answer as for one that does not exist).
async fn visible_record(
    state: &AppState,
    ctx: &Ctx,
    s: &Session,
    id: &str,
) -> Result<crate::store::Record, Response> {
    let (id2, scope) = (id.to_owned(), s.scope());
    match blocking(state, move |st| {
        let r = st.get(&id2)?;
        Ok(st.in_scope(&id2, scope.as_deref())?.then_some(r))
    })
    .await
    {
        Ok(Some(r)) => Ok(r),
        Ok(None) => {
            tracing::warn!(user = %s.user, id, "web: message outside the account's units refused");
            Err(ctx.error(StatusCode::NOT_FOUND, ctx.t().not_found))
        }
        Err(e) => Err(ctx.store_error(e)),
    }
}

struct RequestRow {
    requested_by: String,
    when: String,
    reason: String,
    decided_by: String,
    outcome: String,
}

struct HistoryRow {
    when: String,
    actor: String,
    action: String,
    reason: String,
}

#[derive(Template)]
#[template(path = "message.html")]
struct MessagePage {
    t: &'static T,
    nav: Nav,
    r: crate::store::Record,
    view: MessageView,
    subject: String,
    mail_from: String,
    header_from: String,
    rcpt: String,
    helo: String,
    units: String,
    received: String,
    /// The score and what the verdict did, in the reader's language.
    score: String,
    size: String,
    status: &'static str,
    status_name: &'static str,
    reason_name: &'static str,
    may_act: bool,
    may_download: bool,
    final_state: bool,
    awaiting_self: bool,
    /// The spam / not-spam word given, and whether the classifier learned it ("" when none).
    feedback: &'static str,
    feedback_learned: &'static str,
    actions: Vec<Opt>,
    requests: Vec<RequestRow>,
    alerts: Vec<String>,
    history: Vec<HistoryRow>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DoneQuery {
    done: String,
}

async fn message(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(dq): Query<DoneQuery>,
) -> Page {
    let s = ctx.require()?.clone();
    let r = visible_record(&state, &ctx, &s, &id).await?;
    let (user, mid) = (s.user.clone(), r.id.clone());
    let shown = blocking(&state, move |st| crate::review::show(st, &mid, &user))
        .await
        .map_err(|e| ctx.store_error(e))?;
    let mut mview = view::message_view(
        &shown.record,
        shown.head.as_deref(),
        shown.described,
        (&state.explain, ctx.lang),
    );
    for f in &mut mview.findings {
        f.meaning = state.meaning(&f.symbol, ctx.lang);
    }
    let (units, requests, alerts, history) = (shown.units, shown.requests, shown.alerts, shown.trail);
    let t = ctx.t();
    let (feedback, feedback_learned) = match &shown.feedback {
        None => ("", ""),
        Some(f) => (
            if f.spam {
                t.feedback_spam
            } else {
                t.feedback_not_spam
            },
            if f.learned_at.is_some() {
                t.feedback_learned
            } else {
                t.feedback_pending
            },
        ),
    };
    // A release in progress (or of unknown outcome) takes no action here until it ends or an
    // operator resolves it (`canhgac quarantine resolve`).
    let final_state = matches!(r.status, Status::Released | Status::Deleted | Status::Releasing);
    let open = requests.iter().rev().find(|q| q.outcome.is_none());
    let approved = requests.iter().any(|q| q.outcome.as_deref() == Some("approved"));
    let awaiting_self = open.is_some_and(|q| q.requested_by == s.user) && !approved;
    let mut actions = Vec::new();
    if !final_state {
        let release_label = if r.reason != "marking" || approved {
            Some(t.release)
        } else if awaiting_self {
            None
        } else if open.is_some() {
            Some(t.approve_release)
        } else {
            Some(t.request_release)
        };
        if let Some(l) = release_label {
            actions.push(("release", l));
        }
        actions.extend([
            ("confirm", t.confirm),
            ("false_positive", t.false_positive),
            ("delete", t.delete),
            ("note", t.add_note),
        ]);
    }
    let flash = if dq.done.is_empty() { "" } else { t.done };
    let page = MessagePage {
        t,
        nav: ctx.nav(flash),
        subject: view::visible(&r.subject),
        mail_from: view::visible(&r.mail_from),
        header_from: view::visible(&r.header_from),
        rcpt: view::visible(&r.rcpt_to.join(", ")),
        helo: view::visible(&r.helo),
        units: units.join(", "),
        received: when(r.received_at),
        score: format!(
            "{} ({})",
            crate::explain::decimal(r.score, ctx.lang),
            state.explain.action(&r.action, ctx.lang)
        ),
        size: crate::explain::size_exact(r.size, ctx.lang),
        status: r.status.as_str(),
        status_name: t.status_name(r.status.as_str()),
        reason_name: t.reason_name(&r.reason),
        may_act: s.may_act(),
        may_download: s.may_act(),
        final_state,
        awaiting_self,
        feedback,
        feedback_learned,
        actions: actions
            .into_iter()
            .map(|(v, l)| Opt {
                value: v.to_owned(),
                label: l.to_owned(),
                selected: false,
            })
            .collect(),
        requests: requests
            .iter()
            .map(|q| RequestRow {
                requested_by: q.requested_by.clone(),
                when: when(q.requested_at),
                reason: view::visible(&q.reason),
                decided_by: q.decided_by.clone().unwrap_or_default(),
                outcome: q.outcome.clone().unwrap_or_else(|| "…".to_owned()),
            })
            .collect(),
        alerts: alerts
            .iter()
            .map(|a| {
                let state = a.sent_at.map_or_else(|| format!("… ({})", a.attempts), when);
                format!(
                    "{}: {} — {}",
                    ctx.lang.alert_kind_name(&a.kind),
                    a.recipients.join(", "),
                    state
                )
            })
            .collect(),
        history: history
            .iter()
            .map(|e| HistoryRow {
                when: when(e.at),
                actor: e.actor.clone(),
                action: ctx.lang.action_name(&e.action),
                reason: view::visible(&e.reason),
            })
            .collect(),
        view: mview,
        r,
    };
    Ok(render(&page))
}

async fn download(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Page {
    let s = ctx.require()?.clone();
    if !s.may_act() {
        return Err(ctx.error(StatusCode::FORBIDDEN, ctx.t().forbidden));
    }
    let r = visible_record(&state, &ctx, &s, &id).await?;
    let (user, rid) = (s.user.clone(), r.id.clone());
    let raw = blocking(&state, move |st| {
        let raw = st.raw(&rid)?;
        if raw.is_some() {
            st.audit(&user, "export", &rid, "web download")?;
        }
        Ok(raw)
    })
    .await;
    match raw.map_err(|e| ctx.store_error(e))? {
        Some(bytes) => {
            let disposition = format!("attachment; filename=\"{}.eml\"", r.id);
            Ok((
                [
                    (header::CONTENT_TYPE, HeaderValue::from_static("message/rfc822")),
                    (
                        header::CONTENT_DISPOSITION,
                        HeaderValue::from_str(&disposition)
                            .unwrap_or_else(|_| HeaderValue::from_static("attachment")),
                    ),
                ],
                bytes,
            )
                .into_response())
        }
        None => Err(ctx.error(StatusCode::GONE, ctx.t().original_gone)),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ActionForm {
    csrf: String,
    action: String,
    reason: String,
}

async fn act(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<ActionForm>,
) -> Page {
    let s = ctx.require_form(&f.csrf)?.clone();
    let t = ctx.t();
    if !s.may_act() {
        return Err(ctx.error(StatusCode::FORBIDDEN, t.read_only));
    }
    visible_record(&state, &ctx, &s, &id).await?;
    let reason = f.reason.trim().to_owned();
    if reason.is_empty() {
        return Err(ctx.error(StatusCode::BAD_REQUEST, t.reason_required));
    }
    let Some(what) = crate::review::Act::parse(&f.action) else {
        return Err(ctx.error(StatusCode::BAD_REQUEST, t.bad_request));
    };
    let (user, mid) = (s.user.clone(), id.clone());
    // A release re-injects over SMTP and writes the store: one blocking-pool thread drives it
    // to the end.
    let (config, handle) = (state.config.clone(), tokio::runtime::Handle::current());
    let done = blocking(&state, move |st| {
        handle.block_on(crate::review::act(st, &config, &mid, &user, what, &reason))
    })
    .await
    .map_err(|e| ctx.store_error(e))?;
    let done = done.as_str();
    tracing::info!(user = %s.user, id = %id, action = done, "web: action");
    Ok(Redirect::to(&format!("/messages/{id}?done={done}")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct FeedbackForm {
    csrf: String,
    /// `spam` or `ham`.
    label: String,
}

/// An officer's spam / not-spam word on a held message: recorded (audited), then learned by
/// the daemon's learner, which is woken here.
async fn feedback(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<FeedbackForm>,
) -> Page {
    let s = ctx.require_form(&f.csrf)?.clone();
    if !s.may_act() {
        return Err(ctx.error(StatusCode::FORBIDDEN, ctx.t().read_only));
    }
    visible_record(&state, &ctx, &s, &id).await?;
    let spam = match f.label.as_str() {
        "spam" => true,
        "ham" => false,
        _ => return Err(ctx.error(StatusCode::BAD_REQUEST, ctx.t().bad_request)),
    };
    let (user, mid) = (s.user.clone(), id.clone());
    blocking(&state, move |st| st.give_feedback(&user, &mid, spam))
        .await
        .map_err(|e| ctx.store_error(e))?;
    state.feedback_given.notify_one();
    tracing::info!(user = %s.user, id = %id, spam, "web: spam feedback");
    Ok(Redirect::to(&format!("/messages/{id}?done=feedback")).into_response())
}

// ---- audit log ------------------------------------------------------------------------------

struct AuditRow {
    seq: i64,
    when: String,
    actor: String,
    action: String,
    message_id: String,
    link: bool,
    reason: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    t: &'static T,
    nav: Nav,
    chain_ok: bool,
    first_bad: i64,
    entries: usize,
    id: String,
    rows: Vec<AuditRow>,
    prev: String,
    next: String,
}

// ---- yearly report (regulation art. 14) ------------------------------------------------------

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct ReportQuery {
    year: String,
    unit: String,
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage {
    t: &'static T,
    nav: Nav,
    b: super::report::Body,
    year: i64,
    unit: String,
    units: Vec<(String, String)>,
    may_province: bool,
    csv_href: String,
    json_href: String,
}

/// A report as a session may see it: an officer scoped to units sees only theirs (the first by
/// default, never the province's); everyone else any unit and the province. The units the
/// session may choose from come with it. Each report made is audited (`report`).
async fn year_report(
    state: &AppState,
    ctx: &Ctx,
    q: &ReportQuery,
    how: &str,
) -> Result<(crate::report::YearReport, Vec<(String, String)>, bool), Response> {
    let s = ctx.require()?.clone();
    let now = crate::store::now();
    let year = match q.year.trim() {
        "" => crate::time::vietnam_civil(now).0,
        y => match y.parse::<i64>() {
            Ok(y) if (2000..=9999).contains(&y) => y,
            _ => return Err(ctx.error(StatusCode::BAD_REQUEST, ctx.t().not_found)),
        },
    };
    let scope = s.scope();
    let asked = q.unit.trim().to_owned();
    let unit = match &scope {
        Some(units) if asked.is_empty() => units.first().cloned(),
        Some(units) if !units.contains(&asked) => {
            return Err(ctx.error(StatusCode::NOT_FOUND, ctx.t().not_found));
        }
        _ if asked.is_empty() => None,
        _ => Some(asked),
    };
    let (config, user, how) = (state.config.clone(), s.user.clone(), how.to_owned());
    let made = blocking(state, move |st| {
        let dir = crate::report::directory_of(&config);
        let units = crate::report::units_of_year(st, &config, dir.as_ref(), year)?;
        let report = match crate::report::build(st, &config, dir.as_ref(), year, unit.as_deref(), now) {
            Ok(r) => r,
            Err(crate::report::ReportError::Store(e)) => return Err(e),
            Err(e) => return Err(StoreError::NotFound(e.to_string())),
        };
        let about = format!("report:{year}:{}", unit.as_deref().unwrap_or("*"));
        st.audit(&user, "report", &about, &how)?;
        Ok((report, units))
    })
    .await
    .map_err(|e| ctx.store_error(e))?;
    let (report, units) = made;
    let choices = match &scope {
        Some(mine) => mine
            .iter()
            .map(|u| {
                let name = units
                    .iter()
                    .find(|(id, _)| id == u)
                    .map_or(u.clone(), |(_, n)| n.clone());
                (u.clone(), name)
            })
            .collect(),
        None => units,
    };
    Ok((report, choices, scope.is_none()))
}

fn report_query(r: &crate::report::YearReport) -> String {
    format!("year={}&unit={}", r.year, encode(r.unit.as_deref().unwrap_or("")))
}

async fn report_page(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ReportQuery>) -> Page {
    let (report, units, may_province) = year_report(&state, &ctx, &q, "web").await?;
    let page = ReportPage {
        t: ctx.t(),
        nav: ctx.nav(""),
        b: super::report::body(&report),
        year: report.year,
        unit: report.unit.clone().unwrap_or_default(),
        units: units
            .into_iter()
            .map(|(id, name)| {
                let label = if id == name {
                    id.clone()
                } else {
                    format!("{name} ({id})")
                };
                (id, label)
            })
            .collect(),
        may_province,
        csv_href: format!("/report.csv?{}", report_query(&report)),
        json_href: format!("/report.json?{}", report_query(&report)),
    };
    Ok(render(&page))
}

/// A report file as a download.
fn report_file(report: &crate::report::YearReport, ext: &str, mime: &'static str, body: String) -> Response {
    let name = format!(
        "bao-cao-{}-{}.{ext}",
        report.year,
        report.unit.as_deref().unwrap_or("toan-tinh")
    )
    .replace(
        |c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_')),
        "_",
    );
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(mime)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
                    .unwrap_or_else(|_| HeaderValue::from_static("attachment")),
            ),
        ],
        body,
    )
        .into_response()
}

async fn report_csv(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ReportQuery>) -> Page {
    let (report, ..) = year_report(&state, &ctx, &q, "web csv").await?;
    // A byte-order mark, so spreadsheet programs read the Vietnamese as UTF-8.
    let body = format!("\u{feff}{}", report.csv());
    Ok(report_file(&report, "csv", "text/csv; charset=utf-8", body))
}

async fn report_json(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ReportQuery>) -> Page {
    let (report, ..) = year_report(&state, &ctx, &q, "web json").await?;
    let body = serde_json::to_string_pretty(&report.json()).unwrap_or_default();
    Ok(report_file(&report, "json", "application/json", body))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AuditQuery {
    id: String,
    page: String,
}

async fn audit(State(state): State<AppState>, ctx: Ctx, Query(q): Query<AuditQuery>) -> Page {
    let s = ctx.require()?.clone();
    let page = q.page.parse::<usize>().unwrap_or(1).max(1);
    let per = state.config.web.page_size;
    let id = q.id.trim().to_owned();
    // An officer limited to units sees the trail of its units' messages only.
    if s.scope().is_some() && !id.is_empty() {
        visible_record(&state, &ctx, &s, &id).await?;
    }
    let (id2, scope) = (id.clone(), s.scope());
    let loaded = blocking(&state, move |st| {
        let check = st.audit_verify()?;
        let filter = (!id2.is_empty()).then_some(id2.as_str());
        let (rows, total) = st.audit_page(filter, scope.as_deref(), (page - 1).saturating_mul(per), per)?;
        Ok((check, rows, total))
    })
    .await;
    let (check, rows, total) = loaded.map_err(|e| ctx.store_error(e))?;
    let href = |p: usize| format!("/audit?id={}&page={p}", encode(&id));
    let page_view = AuditPage {
        t: ctx.t(),
        nav: ctx.nav(""),
        chain_ok: check.first_bad.is_none(),
        first_bad: check.first_bad.unwrap_or_default(),
        entries: check.entries,
        rows: rows
            .into_iter()
            .map(|e| AuditRow {
                seq: e.seq,
                when: when(e.at),
                link: e.message_id.starts_with('Q'),
                actor: e.actor,
                action: ctx.lang.action_name(&e.action),
                message_id: e.message_id,
                reason: view::visible(&e.reason),
            })
            .collect(),
        prev: if page > 1 { href(page - 1) } else { String::new() },
        next: if page * per < total {
            href(page + 1)
        } else {
            String::new()
        },
        id,
    };
    Ok(render(&page_view))
}

// ---- accounts -------------------------------------------------------------------------------

struct UserRow {
    name: String,
    role: &'static str,
    units: String,
    disabled: bool,
    /// Failed logins since the last success or unlock.
    failed: u32,
}

#[derive(Template)]
#[template(path = "users.html")]
struct UsersPage {
    t: &'static T,
    nav: Nav,
    users: Vec<UserRow>,
}

fn require_admin<'a>(ctx: &'a Ctx, csrf: Option<&str>) -> Result<&'a Session, Response> {
    let s = match csrf {
        Some(c) => ctx.require_form(c)?,
        None => ctx.require()?,
    };
    if s.role == Role::Admin {
        Ok(s)
    } else {
        Err(ctx.error(StatusCode::FORBIDDEN, ctx.t().forbidden))
    }
}

async fn users(State(state): State<AppState>, ctx: Ctx, Query(dq): Query<DoneQuery>) -> Page {
    require_admin(&ctx, None)?;
    let list = blocking(&state, |st| st.users())
        .await
        .map_err(|e| ctx.store_error(e))?;
    let page = UsersPage {
        t: ctx.t(),
        nav: ctx.nav(if dq.done.is_empty() { "" } else { ctx.t().done }),
        users: list
            .into_iter()
            .map(|u| UserRow {
                role: u.role.as_str(),
                units: u.units.join(", "),
                disabled: u.disabled,
                failed: u.failed_logins,
                name: u.name,
            })
            .collect(),
    };
    Ok(render(&page))
}

fn user_result(ctx: &Ctx, r: Result<Result<(), UserError>, StoreError>) -> Response {
    match r {
        Ok(Ok(())) => Redirect::to("/users?done=1").into_response(),
        Ok(Err(UserError::Store(e))) | Err(e) => ctx.store_error(e),
        Ok(Err(e @ UserError::NoSuchUser(_))) => ctx.error(StatusCode::NOT_FOUND, &e.to_string()),
        Ok(Err(e)) => ctx.error(StatusCode::BAD_REQUEST, &e.to_string()),
    }
}

async fn add_user(State(state): State<AppState>, ctx: Ctx, Form(f): Form<HashMap<String, String>>) -> Page {
    let field = |k: &str| f.get(k).map(|v| v.trim().to_owned()).unwrap_or_default();
    let admin = require_admin(&ctx, Some(&field("csrf")))?.user.clone();
    let Some(role) = Role::parse(&field("role")) else {
        return Err(ctx.error(StatusCode::BAD_REQUEST, ctx.t().bad_request));
    };
    let units: Vec<String> = field("units")
        .split(',')
        .map(|u| u.trim().to_owned())
        .filter(|u| !u.is_empty())
        .collect();
    let (name, pw) = (field("name"), f.get("password").cloned().unwrap_or_default());
    let r = blocking(&state, move |st| {
        Ok(st.add_user(&admin, &name, role, &units, &pw).map(|_| ()))
    })
    .await;
    Ok(user_result(&ctx, r))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AccountForm {
    csrf: String,
    /// Why the account is disabled.
    reason: String,
    /// The new password.
    password: String,
}

/// Changes an account (admins only). Disabling it or setting its password ends its sessions
/// (in the store), so the change applies at once.
async fn change_account(
    state: AppState,
    ctx: Ctx,
    name: String,
    csrf: &str,
    change: impl FnOnce(&Store, &str, &str) -> Result<(), UserError> + Send + 'static,
) -> Page {
    let admin = require_admin(&ctx, Some(csrf))?.user.clone();
    let r = blocking(&state, move |st| Ok(change(st, &admin, &name))).await;
    Ok(user_result(&ctx, r))
}

/// Lets an account kept waiting after failed logins log in at once (admins only).
async fn unlock_user(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(name): Path<String>,
    Form(f): Form<AccountForm>,
) -> Page {
    change_account(state, ctx, name, &f.csrf, move |st, admin, n| {
        st.unlock_user(admin, n, "unlocked in the console")
    })
    .await
}

async fn disable_user(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(name): Path<String>,
    Form(f): Form<AccountForm>,
) -> Page {
    change_account(state, ctx, name, &f.csrf, move |st, admin, n| {
        st.disable_user(admin, n, f.reason.trim())
    })
    .await
}

async fn set_password(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(name): Path<String>,
    Form(f): Form<AccountForm>,
) -> Page {
    change_account(state, ctx, name, &f.csrf, move |st, admin, n| {
        st.set_password(admin, n, &f.password)
    })
    .await
}

// ---- allow and block lists ------------------------------------------------------------------

struct EntryRow {
    id: i64,
    kind: &'static str,
    kind_label: &'static str,
    field_label: &'static str,
    value: String,
    note: String,
    added_by: String,
    when: String,
}

#[derive(Template)]
#[template(path = "lists.html")]
struct ListsPage {
    t: &'static T,
    nav: Nav,
    entries: Vec<EntryRow>,
}

/// The allow and block lists (admins only).
async fn lists(State(state): State<AppState>, ctx: Ctx, Query(dq): Query<DoneQuery>) -> Page {
    use crate::policy::lists::{ListField, ListKind};
    require_admin(&ctx, None)?;
    let entries = blocking(&state, |st| st.list_entries())
        .await
        .map_err(|e| ctx.store_error(e))?;
    let t = ctx.t();
    let page = ListsPage {
        t,
        nav: ctx.nav(if dq.done.is_empty() { "" } else { t.done }),
        entries: entries
            .into_iter()
            .map(|e| EntryRow {
                id: e.id,
                kind: e.kind.as_str(),
                kind_label: match e.kind {
                    ListKind::Allow => t.list_allow,
                    ListKind::Block => t.list_block,
                },
                field_label: match e.field {
                    ListField::Sender => t.field_sender,
                    ListField::From => t.field_from,
                    ListField::Domain => t.field_domain,
                    ListField::Ip => t.field_ip,
                    ListField::Unit => t.field_unit,
                },
                value: view::visible(&e.value),
                note: view::visible(&e.note),
                added_by: e.added_by,
                when: when(e.added_at),
            })
            .collect(),
    };
    Ok(render(&page))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ListEntryForm {
    csrf: String,
    kind: String,
    field: String,
    value: String,
    note: String,
    reason: String,
}

async fn add_list_entry(State(state): State<AppState>, ctx: Ctx, Form(f): Form<ListEntryForm>) -> Page {
    use crate::policy::lists::{ListField, ListKind};
    let admin = require_admin(&ctx, Some(&f.csrf))?.user.clone();
    let (Some(kind), Some(field)) = (ListKind::parse(&f.kind), ListField::parse(&f.field)) else {
        return Err(ctx.error(StatusCode::BAD_REQUEST, ctx.t().bad_request));
    };
    let entry = blocking(&state, move |st| {
        st.list_add(&admin, kind, field, &f.value, &f.note)
    })
    .await
    .map_err(|e| ctx.store_error(e))?;
    tracing::info!(entry = %entry.describe(), "web: list entry added");
    Ok(Redirect::to("/lists?done=1").into_response())
}

async fn remove_list_entry(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(f): Form<ListEntryForm>,
) -> Page {
    let admin = require_admin(&ctx, Some(&f.csrf))?.user.clone();
    let reason = f.reason.trim().to_owned();
    if reason.is_empty() {
        return Err(ctx.error(StatusCode::BAD_REQUEST, ctx.t().reason_required));
    }
    let entry = blocking(&state, move |st| st.list_remove(&admin, id, &reason))
        .await
        .map_err(|e| ctx.store_error(e))?;
    tracing::info!(entry = %entry.describe(), "web: list entry removed");
    Ok(Redirect::to("/lists?done=1").into_response())
}

#[cfg(test)]
mod tests {
    use super::local_path;

    /// Issue 15, item 2: redirect targets stay on this site whatever the payload.
    #[test]
    fn redirect_targets_are_same_origin_paths_only() {
        for bad in [
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\n/evil.example",
            "/ /evil.example",
            "/\u{0}/evil.example",
            "/\u{7f}/evil.example",
            "/\u{a0}/evil.example",
            "/\u{200b}/evil.example",
            "//evil.example",
            "///evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/\\/evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
            "evil.example",
            "",
        ] {
            assert_eq!(local_path(bad), "/", "{bad:?}");
        }
        for good in [
            "/",
            "/messages/abc",
            "/messages?status=held&page=2",
            "/audit#top",
            "/%2F%2Fx",
        ] {
            assert_eq!(local_path(good), good);
        }
        assert_eq!(local_path(&format!("/{}", "a".repeat(5000))), "/");
    }
}

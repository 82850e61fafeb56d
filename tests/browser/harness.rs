//! What every browser test needs: the release build in `dist/` served on
//! 127.0.0.1 by a small static server of our own (so tests control headers,
//! sub-paths and when it stops), and headless Chromium driven through
//! chromedriver.

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub const CRITERIA: [&str; 12] = ["P1", "P2", "P3", "P4", "R1", "R2", "R3", "R4", "B1", "B2", "B3", "B4"];

/// The release build the tests drive.
pub fn dist_dir() -> PathBuf {
    let dist = std::env::var_os("POSTMORTEM_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dist.join("index.html").is_file(),
        "{} has no release build: run `trunk build --release` first (scripts/test.sh does)",
        dist.display()
    );
    dist
}

/// A static file server on 127.0.0.1, serving `root` under `prefix`.
pub struct StaticServer {
    pub port: u16,
    stop: Arc<AtomicBool>,
}

impl StaticServer {
    pub fn start(root: PathBuf, prefix: &str, headers: Vec<(String, String)>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let port = listener.local_addr().unwrap().port();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let prefix = prefix.trim_end_matches('/').to_string();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = stream {
                    let (root, prefix, headers) = (root.clone(), prefix.clone(), headers.clone());
                    std::thread::spawn(move || serve(stream, &root, &prefix, &headers));
                }
            }
        });
        StaticServer { port, stop }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{}", self.port, path)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve(mut stream: TcpStream, root: &Path, prefix: &str, headers: &[(String, String)]) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Drain the request headers.
    let mut line = String::new();
    while reader.read_line(&mut line).map(|n| n > 2).unwrap_or(false) {
        line.clear();
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let file = path
        .strip_prefix(prefix)
        .filter(|rest| rest.is_empty() || rest.starts_with('/'))
        .map(|rest| {
            let rest = rest.trim_start_matches('/');
            let rest = if rest.is_empty() { "index.html" } else { rest };
            root.join(rest)
        })
        .filter(|f| !path.contains("..") && f.is_file());
    let (status, body, kind) = match file {
        Some(f) => ("200 OK", std::fs::read(&f).unwrap_or_default(), content_type(&f)),
        None => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" | "webmanifest" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

/// The headers deploy/_headers sets for every file (its `/*` block), as
/// the README tells a host to send them.
pub fn documented_headers() -> Vec<(String, String)> {
    let file = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("deploy/_headers")).unwrap();
    file.lines()
        .skip_while(|l| l.trim() != "/*")
        .skip(1)
        .take_while(|l| l.starts_with(' '))
        .filter_map(|l| l.trim().split_once(": "))
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect()
}

/// A fresh copy of the release build, for tests that change what is served.
pub fn copy_of_dist() -> PathBuf {
    let to = std::env::temp_dir().join(format!("pmr-dist-{}-{}", std::process::id(), free_port()));
    copy_dir(&dist_dir(), &to);
    to
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// chromedriver's command for the browser console (not in the W3C protocol).
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("/session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.to_string()))
    }
}

/// chromedriver's door to a DevTools command (not in the W3C protocol):
/// how a test sees the page as it prints.
#[derive(Debug)]
struct DevTools {
    command: &'static str,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for DevTools {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("/session/{}/goog/cdp/execute", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({ "cmd": self.command, "params": self.params }).to_string()))
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Headless Chromium through its own chromedriver, with a fresh profile.
pub struct Browser {
    pub client: Client,
    driver: Child,
    profile: PathBuf,
}

impl Browser {
    pub async fn start() -> Self {
        let driver_bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port();
        let driver = Command::new(&driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {driver_bin}: {e} (scripts/setup.sh --browser installs it)"));
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let profile = std::env::temp_dir().join(format!("pmr-profile-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&profile).unwrap();
        let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let caps = json!({
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.display()),
                ],
            },
            "goog:loggingPrefs": { "browser": "ALL" },
        });
        let caps = match caps {
            Value::Object(map) => map,
            _ => unreachable!(),
        };
        let mut builder = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
        builder.capabilities(caps);
        // On a machine that has just installed Chromium, chromedriver can
        // accept the connection and then drop it while the first browser
        // starts; a new session on the same driver then succeeds.
        let mut attempt = 1;
        let client = loop {
            match builder.connect(&format!("http://127.0.0.1:{port}")).await {
                Ok(client) => break client,
                Err(e) if attempt < 3 => {
                    eprintln!("chromedriver session attempt {attempt} failed ({e}); trying again");
                    attempt += 1;
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
                Err(e) => panic!("connect to chromedriver: {e}"),
            }
        };
        Browser { client, driver, profile }
    }

    /// Opens a page of the app and waits for it to mount.
    pub async fn open(&self, url: &str) {
        self.client.goto(url).await.expect("navigate");
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css("[data-testid=editor]"))
            .await
            .expect("the app mounts and shows its editor");
    }

    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client.execute(script, args).await.unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Replaces the editor's text as a paste would: one input event, on the
    /// browser's own undo stack.
    pub async fn paste(&self, text: &str) {
        self.js(
            "const ed = document.querySelector('[data-testid=editor]');
             ed.focus(); ed.select();
             document.execCommand('insertText', false, arguments[0]);",
            vec![json!(text)],
        )
        .await;
    }

    /// The verdict each criterion card shows, P1 to B4.
    pub async fn verdicts(&self) -> Vec<String> {
        let v = self
            .js(
                "return arguments[0].map(id => {
                   const card = document.querySelector(`[data-criterion=${id}]`);
                   return card ? card.dataset.verdict : null;
                 });",
                vec![json!(CRITERIA)],
            )
            .await;
        v.as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap_or("(no card)").to_string())
            .collect()
    }

    /// Polls `script` for up to ten seconds until it returns true; says
    /// whether it did, so the caller's assertion can show what it saw.
    pub async fn eventually(&self, script: &str, args: Vec<Value>) -> bool {
        self.eventually_within(Duration::from_secs(10), script, args).await
    }

    /// [`Browser::eventually`] with a patience of the caller's choosing.
    pub async fn eventually_within(&self, patience: Duration, script: &str, args: Vec<Value>) -> bool {
        let deadline = Instant::now() + patience;
        loop {
            if self.js(script, args.clone()).await == Value::Bool(true) {
                return true;
            }
            if Instant::now() > deadline {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Polls an async check for up to ten seconds until it holds.
    pub async fn eventually_async<F, Fut>(&self, mut check: F) -> bool
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = bool>,
    {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if check().await {
                return true;
            }
            if Instant::now() > deadline {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Everything the page wrote to the console, and every error the
    /// browser reported about it (CSP violations among them).
    pub async fn console(&self) -> Vec<String> {
        let log = self.client.issue_cmd(BrowserLog).await.expect("read the browser log");
        log.as_array()
            .map(|entries| {
                entries
                    .iter()
                    .map(|e| format!("{} {}", e["level"].as_str().unwrap_or(""), e["message"].as_str().unwrap_or("")))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Lays the page out for `media` ("print", "screen") from now on.
    pub async fn emulate_media(&self, media: &str) {
        let command = DevTools { command: "Emulation.setEmulatedMedia", params: json!({ "media": media }) };
        self.client.issue_cmd(command).await.expect("emulate a CSS media type");
    }

    /// Waits until a service worker controls the page: the app shell is cached.
    pub async fn wait_for_offline_cache(&self) {
        assert!(
            self.eventually("return !!navigator.serviceWorker && !!navigator.serviceWorker.controller;", vec![]).await,
            "no service worker took control of the page"
        );
    }

    /// Whether every criterion card is on the page with a verdict.
    pub async fn shows_a_review(&self) -> bool {
        self.verdicts()
            .await
            .iter()
            .all(|v| matches!(v.as_str(), "met" | "partial" | "missing"))
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

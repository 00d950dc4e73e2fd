//! The operations HTTP endpoint (axum): `GET /metrics` (Prometheus text) and `GET /health`
//! (JSON [`super::health::HealthReport`]; 200 when healthy, 503 otherwise).

use std::net::SocketAddr;

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use metrics_exporter_prometheus::PrometheusHandle;
use tokio_util::sync::CancellationToken;

use super::health::{Health, HealthReport};
use super::OpsError;

#[derive(Clone)]
struct Ctx {
    metrics: Option<PrometheusHandle>,
    health: Health,
}

async fn metrics(State(c): State<Ctx>) -> (StatusCode, String) {
    match c.metrics {
        Some(h) => (StatusCode::OK, h.render()),
        None => (StatusCode::NOT_FOUND, "metrics disabled\n".into()),
    }
}

async fn health(State(c): State<Ctx>) -> (StatusCode, Json<HealthReport>) {
    let r = c.health.report();
    let code = if r.healthy {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (code, Json(r))
}

/// A bound ops endpoint.
pub struct OpsServer {
    listener: tokio::net::TcpListener,
    router: Router,
}

impl OpsServer {
    /// Bind `addr` (port 0 picks a free port).
    pub async fn bind(
        addr: SocketAddr,
        metrics: Option<PrometheusHandle>,
        health: Health,
    ) -> Result<Self, OpsError> {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| OpsError::Bind { addr, source })?;
        let router = Router::new()
            .route("/metrics", get(self::metrics))
            .route("/health", get(self::health))
            .with_state(Ctx { metrics, health });
        Ok(Self { listener, router })
    }

    /// The bound address.
    pub fn local_addr(&self) -> Result<SocketAddr, OpsError> {
        self.listener.local_addr().map_err(OpsError::Serve)
    }

    /// Serve until `cancel` fires.
    pub async fn serve(self, cancel: CancellationToken) -> Result<(), OpsError> {
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(async move { cancel.cancelled().await })
            .await
            .map_err(OpsError::Serve)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    async fn get_status(addr: SocketAddr, path: &str) -> (u16, String) {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut s = tokio::net::TcpStream::connect(addr)
            .await
            .expect("connects");
        let req = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        s.write_all(req.as_bytes()).await.expect("writes");
        let mut out = String::new();
        s.read_to_string(&mut out).await.expect("reads");
        let code = out
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .expect("status line");
        (code, out)
    }

    #[tokio::test]
    async fn health_follows_the_state_and_metrics_render() {
        let recorder = metrics_exporter_prometheus::PrometheusBuilder::new().build_recorder();
        let handle = recorder.handle();
        ::metrics::with_local_recorder(&recorder, || {
            ::metrics::gauge!(super::super::metrics::MEMPOOL_SIZE).set(5.0);
        });
        let health = Health::new(Duration::from_secs(60));
        let server = OpsServer::bind("127.0.0.1:0".parse().unwrap(), Some(handle), health.clone())
            .await
            .expect("binds");
        let addr = server.local_addr().expect("addr");
        let cancel = CancellationToken::new();
        let task = tokio::spawn(server.serve(cancel.clone()));

        let (code, body) = get_status(addr, "/health").await;
        assert_eq!(code, 503, "{body}");
        health.l1_progress(20, 18);
        let (code, body) = get_status(addr, "/health").await;
        assert_eq!(code, 200, "{body}");
        assert!(body.contains("\"l1_processed\":18"), "{body}");
        let (code, body) = get_status(addr, "/metrics").await;
        assert_eq!(code, 200);
        assert!(body.contains("janus_mempool_size 5"), "{body}");
        let (code, _) = get_status(addr, "/nope").await;
        assert_eq!(code, 404);

        cancel.cancel();
        task.await.expect("joins").expect("clean shutdown");
    }
}

//! Forwarding `janus_sendTransaction` from a non-leader to the leader's RPC URL (http only, with
//! reqwest), returning the leader's answer unchanged (its result, or its error code and message).

use std::time::Duration;

use jsonrpsee::types::ErrorObjectOwned;
use serde_json::{json, Value};

use super::error::{err, FORWARD_FAILED};

/// Post `janus_sendTransaction(hex, chainId, true)` to `url`; the `true` marks it forwarded so the
/// receiver never forwards it again.
pub async fn forward_send(
    client: &reqwest::Client,
    url: &str,
    hex: &str,
    chain_id: u64,
) -> Result<Value, ErrorObjectOwned> {
    if !url.starts_with("http://") {
        return Err(err(
            FORWARD_FAILED,
            format!("leader RPC URL {url:?} is not an http:// URL"),
        ));
    }
    let body = json!({
        "jsonrpc": "2.0",
        "id": 1,
        "method": "janus_sendTransaction",
        "params": [hex, chain_id, true],
    });
    let resp = client
        .post(url)
        .timeout(Duration::from_secs(5))
        .json(&body)
        .send()
        .await
        .map_err(|e| {
            err(
                FORWARD_FAILED,
                format!("forwarding to the leader at {url}: {e}"),
            )
        })?;
    let v: Value = resp
        .json()
        .await
        .map_err(|e| err(FORWARD_FAILED, format!("leader answer is not JSON: {e}")))?;
    if let Some(result) = v.get("result") {
        return Ok(result.clone());
    }
    let code = v
        .pointer("/error/code")
        .and_then(Value::as_i64)
        .and_then(|c| i32::try_from(c).ok())
        .unwrap_or(FORWARD_FAILED);
    let message = v
        .pointer("/error/message")
        .and_then(Value::as_str)
        .unwrap_or("leader answered without result or error");
    Err(err(code, message))
}

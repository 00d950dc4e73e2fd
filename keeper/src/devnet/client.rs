//! A small client of the node's L2 JSON-RPC (`janus_*` methods, docs/keeper-rpc.md) for the traffic
//! generator and the scenario.

use alloy::primitives::B256;
use serde_json::{json, Value};

use super::error::DevnetError;

/// One node's L2 RPC endpoint.
#[derive(Clone, Debug)]
pub struct L2Client {
    url: String,
    http: reqwest::Client,
}

/// An L2 account as the RPC returns it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountView {
    /// Next nonce.
    pub nonce: u64,
    /// ETH balance in L2 units (gwei).
    pub eth: u64,
}

impl L2Client {
    /// A client of `url`.
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            http: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(5))
                .build()
                .unwrap_or_default(),
        }
    }

    /// The endpoint.
    pub fn url(&self) -> &str {
        &self.url
    }

    async fn call(&self, method: &str, params: Value) -> Result<Value, DevnetError> {
        let err = |message: String| DevnetError::L2 {
            method: method.to_string(),
            url: self.url.clone(),
            message,
        };
        let body = json!({"jsonrpc": "2.0", "id": 1, "method": method, "params": params});
        let resp: Value = self
            .http
            .post(&self.url)
            .json(&body)
            .send()
            .await
            .map_err(|e| err(e.to_string()))?
            .json()
            .await
            .map_err(|e| err(e.to_string()))?;
        if let Some(e) = resp.get("error") {
            return Err(err(e.to_string()));
        }
        Ok(resp.get("result").cloned().unwrap_or(Value::Null))
    }

    /// `janus_sendTransaction`: the transaction's hash.
    pub async fn send(&self, tx: &[u8], chain_id: u64) -> Result<B256, DevnetError> {
        let v = self
            .call(
                "janus_sendTransaction",
                json!([alloy::hex::encode_prefixed(tx), chain_id]),
            )
            .await?;
        serde_json::from_value(v).map_err(|e| DevnetError::L2 {
            method: "janus_sendTransaction".into(),
            url: self.url.clone(),
            message: e.to_string(),
        })
    }

    /// `janus_getAccount` (None: no such account yet).
    pub async fn account(&self, index: u32) -> Result<Option<AccountView>, DevnetError> {
        let v = self.call("janus_getAccount", json!([index])).await?;
        if v.is_null() {
            return Ok(None);
        }
        let nonce = v["nonce"].as_u64().unwrap_or_default();
        let eth = v["balances"]
            .get(0)
            .and_then(|b| b.as_str())
            .and_then(|b| b.parse().ok())
            .unwrap_or_default();
        Ok(Some(AccountView { nonce, eth }))
    }

    /// `janus_getTransactionReceipt`: the status object (`{"status": "batched", …}`), if known.
    pub async fn receipt(&self, hash: B256) -> Result<Option<Value>, DevnetError> {
        let v = self
            .call("janus_getTransactionReceipt", json!([hash]))
            .await?;
        Ok((!v.is_null()).then_some(v))
    }

    /// `janus_getBlockByNumber`.
    pub async fn block(&self, number: u64) -> Result<Option<Value>, DevnetError> {
        let v = self.call("janus_getBlockByNumber", json!([number])).await?;
        Ok((!v.is_null()).then_some(v))
    }
}

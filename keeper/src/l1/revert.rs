//! Reverts in words: the custom error of any Janus contract the keeper binds (Rollup, Bridge,
//! SequencerSet, Staking, EquivocationSlasher), by name and with its arguments, from the revert
//! data a node returns with an error response. Every log line and error that carries a node's
//! refusal goes through [`describe_error_payload`], so an operator reads
//! `NotNextToFinalize { … }` instead of `custom error 0x…`.

use alloy::rpc::json_rpc::ErrorPayload;
use alloy::sol_types::SolInterface;
use alloy::transports::{RpcError, TransportErrorKind};

use super::bindings::{Bridge, EquivocationSlasher, Rollup, SequencerSet, Staking};

/// The custom error `data` encodes (selector and arguments), by name, when a bound contract
/// declares it; `None` for anything else (a plain `revert`, a string reason, another contract's
/// error).
pub fn describe_revert(data: &[u8]) -> Option<String> {
    fn named<E: SolInterface + std::fmt::Debug>(data: &[u8]) -> Option<String> {
        E::abi_decode(data)
            .ok()
            .map(|e| unwrap_variant(&format!("{e:?}")))
    }
    named::<Rollup::RollupErrors>(data)
        .or_else(|| named::<Bridge::BridgeErrors>(data))
        .or_else(|| named::<SequencerSet::SequencerSetErrors>(data))
        .or_else(|| named::<Staking::StakingErrors>(data))
        .or_else(|| named::<EquivocationSlasher::EquivocationSlasherErrors>(data))
}

/// A node's error response in words: its message, with the custom error decoded by name when
/// the response carries revert data a bound contract declares.
pub fn describe_error_payload(payload: &ErrorPayload) -> String {
    let decoded = payload
        .as_revert_data()
        .and_then(|data| describe_revert(&data));
    match decoded {
        Some(error) => format!("execution reverted: {error}"),
        None => payload.message.to_string(),
    }
}

/// The custom error a failed contract call reverted with, by name and with its arguments, when
/// a bound contract declares it.
pub fn contract_revert(e: &alloy::contract::Error) -> Option<String> {
    e.as_revert_data().and_then(|data| describe_revert(&data))
}

/// A failed contract call in words: a node's answer (a revert comes as one) through
/// [`describe_rpc_error`], anything else (a bad argument, an undecodable return) as alloy words it.
pub fn describe_contract_error(e: &alloy::contract::Error) -> String {
    match e {
        alloy::contract::Error::TransportError(t) => describe_rpc_error(t),
        other => other.to_string(),
    }
}

/// A failed RPC call in words: a node's error response through [`describe_error_payload`],
/// anything else (transport, a garbled answer) as the provider words it.
pub fn describe_rpc_error(e: &RpcError<TransportErrorKind>) -> String {
    match e {
        RpcError::ErrorResp(payload) => describe_error_payload(payload),
        other => other.to_string(),
    }
}

/// `Name(Name { … })` (an error enum's variant around its struct) → `Name { … }`.
fn unwrap_variant(debug: &str) -> String {
    let Some((variant, rest)) = debug.split_once('(') else {
        return debug.to_string();
    };
    match rest.strip_suffix(')') {
        Some(inner) if inner.starts_with(variant) => inner.to_string(),
        _ => debug.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use alloy::primitives::Bytes;
    use alloy::sol_types::SolError;

    use super::*;

    #[test]
    fn a_bound_contracts_custom_error_reads_by_name_with_its_arguments() {
        let data = Rollup::NotNextToFinalize {
            batchId: 7,
            nextHeight: 5,
        }
        .abi_encode();
        let named = "NotNextToFinalize { batchId: 7, nextHeight: 5 }";
        assert_eq!(describe_revert(&data).as_deref(), Some(named));
        let payload: ErrorPayload = serde_json::from_value(serde_json::json!({
            "code": 3,
            "message": "execution reverted: custom error 0x1234",
            "data": Bytes::from(data),
        }))
        .expect("payload");
        assert_eq!(
            describe_error_payload(&payload),
            format!("execution reverted: {named}")
        );
        // An error raised by a contract the call went through (Staking, inside a Rollup call).
        let inner = Staking::InsufficientShares {
            requested: alloy::primitives::U256::from(3),
            available: alloy::primitives::U256::from(2),
        }
        .abi_encode();
        assert_eq!(
            describe_revert(&inner).as_deref(),
            Some("InsufficientShares { requested: 3, available: 2 }")
        );
        // Unknown data keeps the node's own message.
        assert_eq!(describe_revert(&[0xde, 0xad, 0xbe, 0xef]), None);
        let other: ErrorPayload = serde_json::from_value(serde_json::json!({
            "code": -32000, "message": "nonce too low"
        }))
        .expect("payload");
        assert_eq!(describe_error_payload(&other), "nonce too low");
    }
}

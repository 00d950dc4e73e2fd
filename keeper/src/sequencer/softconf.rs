//! Soft confirmations: the operator's signer key signs an L2 block header as the EIP-712 typed data
//! `SoftConfirmation(uint64 l2BlockNumber, bytes32 l2BlockHash, bytes32 parentHash, uint256 chainId)`
//! under the domain ("Janus", "1", L1 chain id, `EquivocationSlasher`) — exactly what
//! `EquivocationSlasher.reportEquivocation` recovers, so two of our signatures over different headers
//! at one number slash us. [`super::Sequencer`] therefore commits every signature to the store
//! (`Store::commit_block`) before it leaves the process, and never signs a second header at a
//! number already committed.

use alloy::primitives::{Address, Bytes, B256, U256};
use alloy::signers::local::PrivateKeySigner;
use alloy::signers::SignerSync;
use alloy::sol_types::{Eip712Domain, SolStruct};

use super::block::BlockHeader;
use super::error::SequencerError;
pub use crate::l1::bindings::IEquivocationSlasher::SoftConfirmation as SoftConfirmationData;

/// Signs soft confirmations for one operator.
#[derive(Clone, Debug)]
pub struct SoftConfirmer {
    signer: PrivateKeySigner,
    domain: Eip712Domain,
    l2_chain_id: u64,
}

/// The EIP-712 domain of `EquivocationSlasher` at `slasher` on L1 chain `l1_chain_id`.
pub fn domain(l1_chain_id: u64, slasher: Address) -> Eip712Domain {
    alloy::sol_types::eip712_domain! {
        name: "Janus",
        version: "1",
        chain_id: l1_chain_id,
        verifying_contract: slasher,
    }
}

/// The typed-data struct of `header` on L2 chain `l2_chain_id`.
pub fn typed(header: &BlockHeader, l2_chain_id: u64) -> SoftConfirmationData {
    SoftConfirmationData {
        l2BlockNumber: header.number,
        l2BlockHash: header.hash(),
        parentHash: header.parent_hash,
        chainId: U256::from(l2_chain_id),
    }
}

impl SoftConfirmer {
    /// A confirmer for `signer` (the operator's registered signer key).
    pub fn new(
        signer: PrivateKeySigner,
        l1_chain_id: u64,
        slasher: Address,
        l2_chain_id: u64,
    ) -> Self {
        Self {
            signer,
            domain: domain(l1_chain_id, slasher),
            l2_chain_id,
        }
    }

    /// The signer's address.
    pub fn address(&self) -> Address {
        self.signer.address()
    }

    /// The EIP-712 digest of `header` (what `hashSoftConfirmation` returns on L1).
    pub fn digest(&self, header: &BlockHeader) -> B256 {
        typed(header, self.l2_chain_id).eip712_signing_hash(&self.domain)
    }

    /// Sign `header`: returns the digest and the 65-byte `r ‖ s ‖ v` signature (low `s`, `v` 27/28).
    /// The caller must commit it to the store before publishing it.
    pub fn sign(&self, header: &BlockHeader) -> Result<(B256, Bytes), SequencerError> {
        let digest = self.digest(header);
        let sig = self
            .signer
            .sign_hash_sync(&digest)
            .map_err(SequencerError::Sign)?;
        Ok((digest, Bytes::from(sig.as_bytes().to_vec())))
    }
}

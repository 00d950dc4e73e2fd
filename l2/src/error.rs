//! Error types of the crate (one enum per concern, all `thiserror`).

use thiserror::Error;

/// Why 40 bytes are not the encoding of an EcGFp5 group element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum PointError {
    /// A coefficient of the field element is `≥ p`.
    #[error("non-canonical GF(p^5) encoding (a coefficient is >= p)")]
    NonCanonical,
    /// The field element is not the `w` coordinate of a group element.
    #[error("not the encoding of an EcGFp5 group element")]
    NotOnCurve,
}

/// Key derivation and public-key errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum KeyError {
    /// The public key bytes do not decode.
    #[error("invalid public key: {0}")]
    InvalidPoint(#[from] PointError),
    /// The public key is the neutral element (anyone could sign for it).
    #[error("public key is the neutral element")]
    NeutralKey,
    /// The secret key bytes are not a canonical non-zero scalar.
    #[error("invalid secret key (not a canonical non-zero scalar)")]
    InvalidSecretKey,
}

/// Schnorr signature verification failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum SignatureError {
    /// The public key is unusable.
    #[error("bad public key: {0}")]
    Key(#[from] KeyError),
    /// The challenge field `e` is not canonical (a limb `≥ p`, or the top 8 bytes non-zero).
    #[error("non-canonical challenge in signature")]
    NonCanonicalChallenge,
    /// The response `s` is not a canonical scalar (`≥ n`).
    #[error("non-canonical response scalar in signature")]
    NonCanonicalResponse,
    /// The recomputed challenge differs: the signature is not valid for this key and message.
    #[error("signature does not verify")]
    Mismatch,
}

/// Malformed bytes of a record or of batch data.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    /// Wrong length.
    #[error("{what}: expected {expected} bytes, got {got}")]
    Length {
        /// What was decoded.
        what: &'static str,
        /// Expected length.
        expected: usize,
        /// Actual length.
        got: usize,
    },
    /// Unknown L1 message kind.
    #[error("unknown L1 message kind {0}")]
    MessageKind(u8),
    /// A message of kind `EXISTING_ACCOUNT` carries a non-zero key field.
    #[error("EXISTING_ACCOUNT message with a non-zero key field")]
    MessageKeyNotZero,
    /// Unknown transaction type.
    #[error("unknown transaction type {0}")]
    TxType(u8),
    /// A field that the transaction type does not use is not zero.
    #[error("transaction type {tx_type}: unused field `{field}` is not zero")]
    NonZeroPadding {
        /// The transaction type.
        tx_type: u8,
        /// The offending field.
        field: &'static str,
    },
    /// Batch data shorter than its header.
    #[error("batch data shorter than the 13-byte header")]
    ShortHeader,
    /// Unsupported batch data version.
    #[error("unsupported batch data version {0}")]
    Version(u8),
    /// A message's nonce is not the expected queue index.
    #[error("message {position}: nonce {got}, expected {expected}")]
    MessageNonce {
        /// Position in the batch.
        position: usize,
        /// Expected nonce.
        expected: u64,
        /// Nonce found.
        got: u64,
    },
    /// Too many records for the u32 counters of the header.
    #[error("too many records for a batch header")]
    TooManyRecords,
}

/// Why a transaction is invalid (makes its batch invalid).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TxError {
    /// The sender slot holds no account.
    #[error("unknown sender account {0}")]
    UnknownSender(u32),
    /// The recipient slot holds no account.
    #[error("unknown recipient account {0}")]
    UnknownRecipient(u32),
    /// The batch's fee account holds no account.
    #[error("fee account {0} does not exist")]
    UnknownFeeAccount(u32),
    /// Asset id not supported by the L2.
    #[error("unknown asset {0}")]
    UnknownAsset(u32),
    /// An amount, fee or nonce field exceeds `MAX_AMOUNT = 2^63 - 1`.
    #[error("{field} {value} exceeds 2^63 - 1")]
    ValueTooLarge {
        /// Which field.
        field: &'static str,
        /// Its value.
        value: u64,
    },
    /// The nonce is not the sender's current nonce.
    #[error("wrong nonce: account has {expected}, transaction has {got}")]
    WrongNonce {
        /// The account's nonce.
        expected: u64,
        /// The transaction's nonce.
        got: u64,
    },
    /// Balance below `amount + fee`.
    #[error("insufficient balance: have {balance}, need {amount} + fee {fee}")]
    InsufficientBalance {
        /// Sender balance in the asset.
        balance: u64,
        /// Amount.
        amount: u64,
        /// Fee.
        fee: u64,
    },
    /// A credit would push a balance above `MAX_AMOUNT`.
    #[error("balance overflow on account {0}")]
    Overflow(u32),
    /// Withdraw to the zero address.
    #[error("withdrawal to the zero address")]
    ZeroRecipient,
    /// Signature invalid.
    #[error("bad signature: {0}")]
    BadSignature(#[from] SignatureError),
}

/// Why a batch cannot be applied (it is invalid, or inconsistent with the given state).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BatchError {
    /// The batch data bytes are malformed.
    #[error("malformed batch data: {0}")]
    Malformed(#[from] DecodeError),
    /// A `NEW_ACCOUNT` deposit targets an occupied slot (state inconsistent with L1).
    #[error("message {nonce}: NEW_ACCOUNT deposit to occupied account {account}")]
    AccountExists {
        /// Message nonce.
        nonce: u64,
        /// Account index.
        account: u32,
    },
    /// An `EXISTING_ACCOUNT` deposit targets an empty slot (state inconsistent with L1).
    #[error("message {nonce}: deposit to unknown account {account}")]
    DepositToUnknownAccount {
        /// Message nonce.
        nonce: u64,
        /// Account index.
        account: u32,
    },
    /// A deposit would overflow a balance (state inconsistent with the bridge's cap).
    #[error("message {nonce}: deposit overflows the balance of account {account}")]
    DepositOverflow {
        /// Message nonce.
        nonce: u64,
        /// Account index.
        account: u32,
    },
    /// A deposit amount exceeds `MAX_AMOUNT` (impossible from the bridge).
    #[error("message {nonce}: amount exceeds 2^63 - 1")]
    DepositTooLarge {
        /// Message nonce.
        nonce: u64,
    },
    /// Transaction `index` is invalid.
    #[error("transaction {index}: {error}")]
    InvalidTx {
        /// Position of the transaction in the batch.
        index: usize,
        /// Why.
        error: TxError,
    },
}

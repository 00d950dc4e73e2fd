use super::*;
use alloy::primitives::{address, b256, Bytes, B256, U256};

fn pending(signer: Address, nonce: u64) -> PendingTx {
    PendingTx {
        signer,
        nonce,
        request: TxIntent {
            label: format!("test {nonce}"),
            to: address!("0x00000000000000000000000000000000000000aa"),
            input: Bytes::from(vec![1, 2, 3]),
            value: U256::from(7),
        },
        gas_limit: 21_000,
        max_fee_per_gas: 10,
        max_priority_fee_per_gas: 1,
        hashes: vec![b256!(
            "0x1111111111111111111111111111111111111111111111111111111111111111"
        )],
        raw: Bytes::from(vec![0x02, 0xff]),
        sent_at_ms: 5,
    }
}

#[test]
fn pending_rows_survive_reopen_and_are_per_signer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("janus.redb");
    let a = address!("0x00000000000000000000000000000000000000a1");
    let b = address!("0x00000000000000000000000000000000000000b2");
    {
        let store = Store::open(&path).expect("open");
        store.put_pending(&pending(a, 3)).expect("put");
        store.put_pending(&pending(a, 1)).expect("put");
        store.put_pending(&pending(b, 2)).expect("put");
        let mut bumped = pending(a, 3);
        bumped.max_fee_per_gas = 12;
        store.put_pending(&bumped).expect("overwrite");
    } // dropped: the file is closed
    let store = Store::open(&path).expect("reopen");
    let rows = store.pending_for(a).expect("read");
    assert_eq!(rows.iter().map(|p| p.nonce).collect::<Vec<_>>(), vec![1, 3]);
    assert_eq!(rows[1].max_fee_per_gas, 12);
    assert_eq!(rows[0], pending(a, 1));
    assert_eq!(store.pending_for(b).expect("read").len(), 1);
    store.remove_pending(a, 1).expect("remove");
    assert_eq!(store.pending_for(a).expect("read").len(), 1);
}

#[test]
fn soft_confirmation_is_never_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("janus.redb");
    let first = SoftConfirmation {
        height: 9,
        header_hash: b256!("0x2222222222222222222222222222222222222222222222222222222222222222"),
        signature: Bytes::from(vec![1; 65]),
    };
    let other = SoftConfirmation {
        header_hash: b256!("0x3333333333333333333333333333333333333333333333333333333333333333"),
        ..first.clone()
    };
    {
        let store = Store::open(&path).expect("open");
        assert_eq!(
            store.insert_soft_confirmation(&first).expect("insert"),
            None
        );
    }
    let store = Store::open(&path).expect("reopen");
    assert_eq!(
        store.insert_soft_confirmation(&other).expect("insert"),
        Some(first.clone())
    );
    assert_eq!(store.soft_confirmation(9).expect("get"), Some(first));
    assert_eq!(store.soft_confirmation(10).expect("get"), None);
}

#[test]
fn mempool_survives_reopen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("janus.redb");
    {
        let store = Store::open(&path).expect("open");
        store.mempool_insert(2, 0, &[9; 137]).expect("insert");
        store.mempool_insert(1, 5, &[8; 137]).expect("insert");
        store.mempool_insert(1, 4, &[7; 137]).expect("insert");
    }
    let store = Store::open(&path).expect("reopen");
    let pool = store.mempool().expect("read");
    let keys: Vec<_> = pool.iter().map(|(a, n, _)| (*a, *n)).collect();
    assert_eq!(keys, vec![(1, 4), (1, 5), (2, 0)]);
    assert_eq!(pool[0].2, vec![7; 137]);
    store.mempool_remove(&[(1, 4), (2, 0)]).expect("remove");
    assert_eq!(store.mempool().expect("read").len(), 1);
}

#[test]
fn second_open_of_a_live_store_fails() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("janus.redb");
    let _store = Store::open(&path).expect("open");
    assert!(matches!(Store::open(&path), Err(StoreError::Open(_))));
}

#[test]
fn commit_block_is_all_or_nothing_and_survives_reopen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("db");
    let sc = |h: u8| SoftConfirmation {
        height: 5,
        header_hash: B256::repeat_byte(h),
        signature: Bytes::from(vec![h; 65]),
    };
    {
        let store = Store::open(&path).expect("open");
        store
            .mempool_insert_fast(1, 0, &[1; 137])
            .expect("fast insert");
        store
            .mempool_insert_fast(1, 1, &[2; 137])
            .expect("fast insert");
        assert_eq!(
            store
                .commit_block(&sc(1), b"row-1", &[(1, 0)])
                .expect("commit"),
            None
        );
        // A second header at the same number: refused, and none of its writes happen.
        assert_eq!(
            store
                .commit_block(&sc(2), b"row-2", &[(1, 1)])
                .expect("refused"),
            Some(sc(1))
        );
        assert_eq!(store.block(5).expect("read"), Some(b"row-1".to_vec()));
    }
    let store = Store::open(&path).expect("reopen");
    assert_eq!(store.soft_confirmation(5).expect("read"), Some(sc(1)));
    assert_eq!(
        store.blocks_from(0).expect("read"),
        vec![(5, b"row-1".to_vec())]
    );
    let pool: Vec<_> = store
        .mempool()
        .expect("read")
        .into_iter()
        .map(|r| (r.0, r.1))
        .collect();
    assert_eq!(
        pool,
        vec![(1, 1)],
        "the included tx left, the fast-inserted one is durable"
    );
}

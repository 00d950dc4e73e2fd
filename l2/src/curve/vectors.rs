//! Known-answer tests against the EcGFp5 reference implementation (pornin/ecgfp5):
//! `rust/src/curve.rs` tests `ecgfp5_ops` and `ecgfp5_mul`, `python/ecGFp5.py` `TestEcGFp5`
//! (vectors generated with Sage by the curve's author), and the generator constant.

use super::*;
use crate::curve::gfp5::{fp5_from_u64s, fp5_to_u64s};

fn w(c: [u64; 5]) -> Fp5 {
    fp5_from_u64s(c)
}

fn dec(c: [u64; 5]) -> Point {
    Point::decode(&w(c)).expect("reference vector decodes")
}

const W1: [u64; 5] = [
    12539254003028696409,
    15524144070600887654,
    15092036948424041984,
    11398871370327264211,
    10958391180505708567,
];
const W2: [u64; 5] = [
    11001943240060308920,
    17075173755187928434,
    3940989555384655766,
    15017795574860011099,
    5548543797011402287,
];
const W3: [u64; 5] = [
    246872606398642312,
    4900963247917836450,
    7327006728177203977,
    13945036888436667069,
    3062018119121328861,
];
const W4: [u64; 5] = [
    8058035104653144162,
    16041715455419993830,
    7448530016070824199,
    11253639182222911208,
    6228757819849640866,
];
const W5: [u64; 5] = [
    10523134687509281194,
    11148711503117769087,
    9056499921957594891,
    13016664454465495026,
    16494247923890248266,
];
const W6: [u64; 5] = [
    12173306542237620,
    6587231965341539782,
    17027985748515888117,
    17194831817613584995,
    10056734072351459010,
];
const W7: [u64; 5] = [
    9420857400785992333,
    4695934009314206363,
    14471922162341187302,
    13395190104221781928,
    16359223219913018041,
];

/// Field elements that encode no group element.
const BAD: [[u64; 5]; 6] = [
    [
        13557832913345268708,
        15669280705791538619,
        8534654657267986396,
        12533218303838131749,
        5058070698878426028,
    ],
    [
        135036726621282077,
        17283229938160287622,
        13113167081889323961,
        1653240450380825271,
        520025869628727862,
    ],
    [
        6727960962624180771,
        17240764188796091916,
        3954717247028503753,
        1002781561619501488,
        4295357288570643789,
    ],
    [
        4578929270179684956,
        3866930513245945042,
        7662265318638150701,
        9503686272550423634,
        12241691520798116285,
    ],
    [
        16890297404904119082,
        6169724643582733633,
        9725973298012340311,
        5977049210035183790,
        11379332130141664883,
    ],
    [
        13777379982711219130,
        14715168412651470168,
        17942199593791635585,
        6188824164976547520,
        15461469634034461986,
    ],
];

#[test]
fn reference_ops() {
    let p0 = Point::decode(&Fp5::ZERO).expect("zero is the neutral");
    assert!(p0.is_neutral());
    let pts: Vec<Point> = [W1, W2, W3, W4, W5, W6, W7]
        .iter()
        .map(|c| dec(*c))
        .collect();
    for (p, c) in pts.iter().zip([W1, W2, W3, W4, W5, W6, W7]) {
        assert!(Point::validate(&w(c)));
        assert!(!p.is_neutral());
        assert_eq!(p.encode(), w(c), "decode/encode round trip");
    }
    let (p1, p2) = (pts[0], pts[1]);
    assert_eq!(p1.add(&p2).encode(), w(W3));
    assert_eq!(p1.add(&p1).encode(), w(W4));
    assert_eq!(p1.double().encode(), w(W4));
    assert_eq!(p2.double().encode(), w(W5));
    assert_eq!(p1.double().add(&p2).encode(), w(W6));
    assert_eq!(p1.add(&p2).add(&p2).encode(), w(W7));
    assert_eq!(p0.double().encode(), Fp5::ZERO);
    assert_eq!(p0.add(&p0).encode(), Fp5::ZERO);
    assert_eq!(p0.add(&p1).encode(), w(W1));
    assert_eq!(p1.add(&p0).encode(), w(W1));
    assert_eq!(p0, Point::NEUTRAL);
    assert_ne!(p1, p2);
    assert_eq!(p1.sub(&p1), Point::NEUTRAL);
    // P2 = e·P1 with the scalar e of python/ecGFp5.py TestEcGFp5.
    let e = Scalar::from_limbs([
        0x4af128fc27c028a4,
        0xdbeacf85f04f49fa,
        0x170e010d29f34525,
        0xf3f132fcacc859c5,
        0x64e443325f264a5c,
    ])
    .expect("e < n");
    assert_eq!(p1.mul(&e).encode(), w(W2));
}

#[test]
fn reference_invalid_encodings() {
    for c in BAD {
        assert!(!Point::validate(&w(c)));
        assert!(Point::decode(&w(c)).is_none());
        assert_eq!(
            Point::from_bytes(&fp5_to_bytes(&w(c))),
            Err(PointError::NotOnCurve)
        );
    }
    // A non-canonical coefficient (= p) is rejected before any curve check.
    let mut bytes = fp5_to_bytes(&w(W1));
    bytes[8..16].copy_from_slice(&0xFFFF_FFFF_0000_0001u64.to_le_bytes());
    assert_eq!(Point::from_bytes(&bytes), Err(PointError::NonCanonical));
}

#[test]
fn reference_mul() {
    // rust/src/curve.rs test `ecgfp5_mul`: P2 = e·P1.
    let p1 = dec([
        7534507442095725921,
        16658460051907528927,
        12417574136563175256,
        2750788641759288856,
        620002843272906439,
    ]);
    let ebuf: [u8; 40] = [
        0x1B, 0x18, 0x51, 0xC8, 0x1D, 0x22, 0xD4, 0x0D, 0x6D, 0x36, 0xEC, 0xCE, 0x54, 0x27, 0x41,
        0x66, 0x08, 0x14, 0x2F, 0x8F, 0xFF, 0x64, 0xB4, 0x76, 0x28, 0xCD, 0x3F, 0xF8, 0xAA, 0x25,
        0x16, 0xD4, 0xBA, 0xD0, 0xCC, 0x02, 0x1A, 0x44, 0x7C, 0x03,
    ];
    let w2 = w([
        9486104512504676657,
        14312981644741144668,
        5159846406177847664,
        15978863787033795628,
        3249948839313771192,
    ]);
    let e = Scalar::from_bytes(&ebuf).expect("canonical scalar");
    let q = p1.mul(&e);
    assert_eq!(q, dec(fp5_to_u64s(&w2)));
    assert_eq!(q.encode(), w2);
}

#[test]
fn generator_constant() {
    // The reference's GENERATOR: x = X/Z below, u = 1/4 (w = 4).
    let g = Point::generator();
    let x = g.x * g.z.try_inverse().expect("Z != 0");
    assert_eq!(
        fp5_to_u64s(&x),
        [
            12883135586176881569,
            4356519642755055268,
            5248930565894896907,
            2165973894480315022,
            2448410071095648785
        ]
    );
    assert_eq!(fp5_to_u64s(&g.encode()), [4, 0, 0, 0, 0]);
}

#[test]
fn group_laws_on_generator_multiples() {
    let g = Point::generator();
    // (n - 1)·G = -G, n·G = 0 via (n-1)·G + G.
    let n_minus_1 = -Scalar::ONE;
    let m = Point::mul_generator(&n_minus_1);
    assert_eq!(m, g.neg());
    assert!(m.add(&g).is_neutral());
    // Small multiples by repeated addition agree with the window multiplication.
    let mut acc = Point::NEUTRAL;
    for k in 0..20u64 {
        assert_eq!(Point::mul_generator(&Scalar::from_u64(k)), acc);
        let back = Point::decode(&acc.encode()).expect("multiples of G decode");
        assert_eq!(back, acc);
        acc = acc.add(&g);
    }
    // Linearity: (a + b)·G = a·G + b·G and (a·b)·G = a·(b·G).
    let a = Scalar::from_bytes_reduce(&[0x3C; 48]);
    let b = Scalar::from_bytes_reduce(&[0xA5; 48]);
    assert_eq!(
        Point::mul_generator(&(a + b)),
        Point::mul_generator(&a).add(&Point::mul_generator(&b))
    );
    assert_eq!(
        Point::mul_generator(&(a * b)),
        Point::mul_generator(&b).mul(&a)
    );
}

//! EcGFp5 points in the circuit, in the fractional coordinates of `janus_l2::curve::point`
//! (`x = X/Z`, `u = U/T`, `u = x/y`, neutral `u = 0`):
//!
//! * [`PointTarget`] `(X : Z : U : T)`: the complete addition ([`PointTarget::add`], 10 GF(p^5)
//!   multiplications) and the dedicated doubling ([`PointTarget::double`], half a row of the
//!   custom [`EcGFp5DoubleGate`]);
//! * [`AffinePointTarget`] `(x, u)` (`Z = T = 1`, neutral `(0, 0)`): table entries, added with the
//!   cheaper mixed formula ([`PointTarget::add_affine`], 8 multiplications);
//! * [`mul_double_base`] (and its one-base forms [`mul_generator`], [`mul_variable_base`]):
//!   `s·G + e·Q` for a 319-bit `s` and a 256-bit `e` given as 4-bit digits,
//!   Straus-style with shared doublings, constant tables `d·G` and `d·2^256·G` (so only 63×4
//!   doublings) and a 16-entry table of `d·Q` built in the circuit; digits select table entries
//!   with plonky2's `RandomAccessGate`.

use std::sync::OnceLock;

use plonky2::field::types::Field;
use plonky2::iop::target::{BoolTarget, Target};

use super::point_gate::{EcGFp5AddAffineGate, EcGFp5DoubleGate};
use super::gfp5::GFp5Target;
use super::native::{affine, CURVE_B1};
use super::{Builder, F};
use janus_l2::curve::{Fp5, Point, Scalar};

/// A point in `(X : Z : U : T)` coordinates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PointTarget {
    /// `X`.
    pub x: GFp5Target,
    /// `Z`.
    pub z: GFp5Target,
    /// `U`.
    pub u: GFp5Target,
    /// `T`.
    pub t: GFp5Target,
}

/// A point in affine `(x, u)` coordinates (neutral: `(0, 0)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AffinePointTarget {
    /// `x`.
    pub x: GFp5Target,
    /// `u = x / y`.
    pub u: GFp5Target,
}

impl AffinePointTarget {
    /// A constant point (`None` if the point's coordinates cannot be recovered, never for a
    /// group element).
    pub fn constant(b: &mut Builder, p: &Point) -> Option<Self> {
        let (x, u) = affine(p)?;
        Some(Self {
            x: GFp5Target::constant(b, x),
            u: GFp5Target::constant(b, u),
        })
    }

    /// A fresh, unconstrained point (for witnesses; the caller must constrain it).
    pub fn new_virtual(b: &mut Builder) -> Self {
        Self {
            x: GFp5Target::new_virtual(b),
            u: GFp5Target::new_virtual(b),
        }
    }

    /// As projective coordinates.
    pub fn to_projective(&self, b: &mut Builder) -> PointTarget {
        let one = GFp5Target::constant(b, Fp5::ONE);
        PointTarget {
            x: self.x,
            z: one,
            u: self.u,
            t: one,
        }
    }

    /// `-self`.
    pub fn neg(&self, b: &mut Builder) -> Self {
        Self {
            x: self.x,
            u: self.u.neg(b),
        }
    }

    /// `if cond { self } else { other }`.
    pub fn select(&self, b: &mut Builder, cond: BoolTarget, other: &Self) -> Self {
        Self {
            x: self.x.select(b, cond, &other.x),
            u: self.u.select(b, cond, &other.u),
        }
    }

    fn coords(&self) -> [Target; 10] {
        core::array::from_fn(|i| if i < 5 { self.x.0[i] } else { self.u.0[i - 5] })
    }

    fn from_coords(c: [Target; 10]) -> Self {
        Self {
            x: GFp5Target(core::array::from_fn(|i| c[i])),
            u: GFp5Target(core::array::from_fn(|i| c[i + 5])),
        }
    }
}

impl PointTarget {
    /// The neutral element `(0 : 1 : 0 : 1)`.
    pub fn neutral(b: &mut Builder) -> Self {
        let zero = GFp5Target::zero(b);
        let one = GFp5Target::constant(b, Fp5::ONE);
        Self {
            x: zero,
            z: one,
            u: zero,
            t: one,
        }
    }

    /// `-self`.
    pub fn neg(&self, b: &mut Builder) -> Self {
        Self {
            u: self.u.neg(b),
            ..*self
        }
    }

    /// `if cond { self } else { other }`.
    pub fn select(&self, b: &mut Builder, cond: BoolTarget, other: &Self) -> Self {
        Self {
            x: self.x.select(b, cond, &other.x),
            z: self.z.select(b, cond, &other.z),
            u: self.u.select(b, cond, &other.u),
            t: self.t.select(b, cond, &other.t),
        }
    }

    /// The tail of the complete addition shared by [`Self::add`] and [`Self::add_affine`], from
    /// `m1 = x1 x2`, `m2 = z1 z2`, `m3 = u1 u2`, `m4 = t1 t2`, `m5 = x1 z2 + z1 x2`,
    /// `m6 = u1 t2 + t1 u2`.
    #[allow(clippy::too_many_arguments)]
    fn add_tail(
        b: &mut Builder,
        m1: GFp5Target,
        m2: GFp5Target,
        m3: GFp5Target,
        m4: GFp5Target,
        m5: GFp5Target,
        m6: GFp5Target,
    ) -> Self {
        let two = F::TWO;
        // m7 = m1 + b1 z m2
        let m7 = m2.mul_z_lin(b, CURVE_B1, F::ONE, &m1, F::ONE);
        let m8 = m4.mul(b, &m7);
        // m9 = m3 (2 b1 z m5 + 2 m7)
        let k9 = m5.mul_z_lin(b, 2 * CURVE_B1, F::ONE, &m7, two);
        let m9 = m3.mul(b, &k9);
        // m10 = (m4 + 2 m3)(m5 + m7)
        let a10 = m4.lin(b, F::ONE, &m3, two);
        let b10 = m5.add(b, &m7);
        let m10 = a10.mul(b, &b10);
        // X = b1 z (m10 - m8), Z = m8 - m9, U = m6 (b1 z m2 - m1), T = m8 + m9
        let d = m10.sub(b, &m8);
        let x = d.mul_z(b, CURVE_B1);
        let z = m8.sub(b, &m9);
        let k = m2.mul_z_lin(b, CURVE_B1, F::ONE, &m1, F::NEG_ONE);
        let u = m6.mul(b, &k);
        let t = m8.add(b, &m9);
        Self { x, z, u, t }
    }

    /// `self + other` (complete formula).
    pub fn add(&self, b: &mut Builder, other: &Self) -> Self {
        let m1 = self.x.mul(b, &other.x);
        let m2 = self.z.mul(b, &other.z);
        let m3 = self.u.mul(b, &other.u);
        let m4 = self.t.mul(b, &other.t);
        let m5 = {
            let p = self.x.mul(b, &other.z);
            self.z.mul_add(b, &other.x, &p)
        };
        let m6 = {
            let p = self.u.mul(b, &other.t);
            self.t.mul_add(b, &other.u, &p)
        };
        Self::add_tail(b, m1, m2, m3, m4, m5, m6)
    }

    /// `self + other` for an affine `other` (the same complete formula with `Z2 = T2 = 1`).
    pub fn add_affine(&self, b: &mut Builder, other: &AffinePointTarget) -> Self {
        let inputs = [self.x, self.z, self.u, self.t, other.x, other.u];
        let [x, z, u, t] = EcGFp5AddAffineGate::apply(b, &inputs);
        Self { x, z, u, t }
    }

    /// `2 · self`.
    pub fn double(&self, b: &mut Builder) -> Self {
        let [x, z, u, t] = EcGFp5DoubleGate::apply(b, &[self.x, self.z, self.u, self.t]);
        Self { x, z, u, t }
    }

    /// Affine coordinates (`x = X/Z`, `u = U/T`; both denominators are non-zero for every
    /// group element, so witness generation fails only on an invalid input).
    pub fn to_affine(&self, b: &mut Builder) -> AffinePointTarget {
        AffinePointTarget {
            x: self.x.div(b, &self.z),
            u: self.u.div(b, &self.t),
        }
    }
}

/// Number of 4-bit digits of a full scalar (320 bits).
pub const SCALAR_DIGITS: usize = 80;
/// Number of 4-bit digits of a challenge scalar (256 bits).
pub const CHALLENGE_DIGITS: usize = 64;

/// Native constant tables `d · G` and `d · 2^256 · G`, `d = 0..16`, in affine coordinates.
fn generator_tables() -> &'static [[(Fp5, Fp5); 16]; 2] {
    static TABLES: OnceLock<[[(Fp5, Fp5); 16]; 2]> = OnceLock::new();
    TABLES.get_or_init(|| {
        let g = Point::generator();
        let g256 = g.mul(&Scalar::from_limbs([0, 0, 0, 0, 1]).unwrap_or(Scalar::ZERO));
        let table = |base: &Point| -> [(Fp5, Fp5); 16] {
            core::array::from_fn(|d| {
                affine(&base.mul(&Scalar::from_u64(d as u64)))
                    .expect("multiples of the generator are group elements")
            })
        };
        [table(&g), table(&g256)]
    })
}

/// A 16-entry table of affine points, stored column-wise for `random_access`.
struct Table {
    columns: [Vec<Target>; 10],
}

impl Table {
    fn from_points(points: &[AffinePointTarget]) -> Self {
        let columns = core::array::from_fn(|c| points.iter().map(|p| p.coords()[c]).collect());
        Self { columns }
    }

    fn constant(b: &mut Builder, entries: &[(Fp5, Fp5); 16]) -> Self {
        let points: Vec<AffinePointTarget> = entries
            .iter()
            .map(|(x, u)| AffinePointTarget {
                x: GFp5Target::constant(b, *x),
                u: GFp5Target::constant(b, *u),
            })
            .collect();
        Self::from_points(&points)
    }

    /// Entry `digit` (a target; the random-access gate constrains it to `0..16`).
    fn lookup(&self, b: &mut Builder, digit: Target) -> AffinePointTarget {
        AffinePointTarget::from_coords(core::array::from_fn(|c| {
            b.random_access(digit, self.columns[c].clone())
        }))
    }
}

/// The table `d · q`, `d = 0..16`, in affine coordinates (14 group operations, 28 divisions).
fn variable_table(b: &mut Builder, q: &AffinePointTarget) -> Table {
    let zero = GFp5Target::zero(b);
    let mut points = vec![AffinePointTarget { x: zero, u: zero }, *q];
    let qp = q.to_projective(b);
    let mut prev = qp.double(b);
    points.push(prev.to_affine(b));
    for _ in 3..16 {
        prev = prev.add_affine(b, q);
        points.push(prev.to_affine(b));
    }
    Table::from_points(&points)
}

/// `s · G + e · Q`, where `s_digits` are the 80 little-endian 4-bit digits of `s` and `e_digits`
/// the 64 digits of `e` (each a target in `0..16`; the lookups enforce the range, the caller
/// ties the digits to the scalar's encoding).
pub fn mul_double_base(
    b: &mut Builder,
    s_digits: &[Target; SCALAR_DIGITS],
    e_digits: &[Target; CHALLENGE_DIGITS],
    q: &AffinePointTarget,
) -> PointTarget {
    straus(b, Some(s_digits), Some((e_digits.as_slice(), q)))
}

/// `s · G` for the 80 little-endian 4-bit digits of `s` (constant tables, 63×4 doublings).
pub fn mul_generator(b: &mut Builder, s_digits: &[Target; SCALAR_DIGITS]) -> PointTarget {
    straus(b, Some(s_digits), None)
}

/// `k · Q` for the little-endian 4-bit digits of `k` (any number; a 16-entry table of `Q`'s
/// multiples is built in the circuit).
pub fn mul_variable_base(b: &mut Builder, digits: &[Target], q: &AffinePointTarget) -> PointTarget {
    straus(b, None, Some((digits, q)))
}

/// The 4-bit digits (little-endian) of a scalar given as little-endian bits (the last digit
/// takes the remaining 1..4 bits).
pub fn digits_from_bits(b: &mut Builder, bits: &[BoolTarget]) -> Vec<Target> {
    bits.chunks(4).map(|c| b.le_sum(c.iter())).collect()
}

/// Joint multiplication with shared doublings, most significant window first. Round `j` adds
/// `T_G[s_j]` and `T_G256[s_(j+64)]` (`s` split at bit 256, so a full scalar needs only 64
/// rounds) and `T_Q[e_j]`.
fn straus(
    b: &mut Builder,
    s_digits: Option<&[Target; SCALAR_DIGITS]>,
    e: Option<(&[Target], &AffinePointTarget)>,
) -> PointTarget {
    let s_tables = s_digits.map(|_| {
        let [g_tab, g256_tab] = generator_tables();
        (Table::constant(b, g_tab), Table::constant(b, g256_tab))
    });
    let e_table = e.map(|(digits, q)| (digits, variable_table(b, q)));
    let rounds = e_table
        .as_ref()
        .map_or(0, |(d, _)| d.len())
        .max(if s_digits.is_some() {
            CHALLENGE_DIGITS
        } else {
            0
        });

    let mut acc: Option<PointTarget> = None;
    let add = |b: &mut Builder, acc: Option<PointTarget>, p: AffinePointTarget| match acc {
        Some(a) => a.add_affine(b, &p),
        None => p.to_projective(b),
    };
    for j in (0..rounds).rev() {
        acc = acc.map(|a| a.double(b).double(b).double(b).double(b));
        if let (Some(s), Some((t_g, t_g256))) = (s_digits, &s_tables) {
            if j < CHALLENGE_DIGITS {
                let p = t_g.lookup(b, s[j]);
                acc = Some(add(b, acc, p));
            }
            if j + CHALLENGE_DIGITS < SCALAR_DIGITS {
                let p = t_g256.lookup(b, s[j + CHALLENGE_DIGITS]);
                acc = Some(add(b, acc, p));
            }
        }
        if let Some((digits, t_q)) = &e_table {
            if let Some(d) = digits.get(j) {
                let p = t_q.lookup(b, *d);
                acc = Some(add(b, acc, p));
            }
        }
    }
    match acc {
        Some(a) => a,
        None => PointTarget::neutral(b),
    }
}

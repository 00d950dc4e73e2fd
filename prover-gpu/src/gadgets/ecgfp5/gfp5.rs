//! GF(p^5) = GF(p)\[z\]/(z^5 - 3) in the circuit: [`GFp5Target`] and its arithmetic on stock
//! `ArithmeticGate` operations (`c0·x·y + c1·w`).
//!
//! Costs (arithmetic operations, 20 per gate row in the standard recursion config): add/sub 5,
//! multiplication 25 (schoolbook with the `z^5 = 3` fold), fused multiply-add 25, squaring 15.
//! Inversion and division take the value from a hint ([`crate::gadgets::ecgfp5::hints`]) and
//! constrain `q · b = a`.

use plonky2::field::types::Field;
use plonky2::iop::target::{BoolTarget, Target};

use super::hints::Fp5DivGenerator;
use super::mul_gate::GFp5MulAddGate;
use super::{Builder, F};
use janus_l2::curve::Fp5;

/// An element `c0 + c1 z + … + c4 z^4` of GF(p^5) as five base-field targets, lowest degree first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GFp5Target(pub [Target; 5]);

/// The `W` of `z^5 = W`.
const W: u64 = 3;

fn fe(v: u64) -> F {
    F::from_canonical_u64(v)
}

impl GFp5Target {
    /// A fresh, unconstrained element (to be set by a witness or a generator).
    pub fn new_virtual(b: &mut Builder) -> Self {
        Self(core::array::from_fn(|_| b.add_virtual_target()))
    }

    /// A constant.
    pub fn constant(b: &mut Builder, c: Fp5) -> Self {
        Self(c.0.map(|x| b.constant(x)))
    }

    /// Zero.
    pub fn zero(b: &mut Builder) -> Self {
        Self::constant(b, Fp5::ZERO)
    }

    /// Constrain `self == other`.
    pub fn connect(&self, b: &mut Builder, other: &Self) {
        for (x, y) in self.0.iter().zip(other.0.iter()) {
            b.connect(*x, *y);
        }
    }

    /// `self + other`.
    pub fn add(&self, b: &mut Builder, other: &Self) -> Self {
        self.lin(b, F::ONE, other, F::ONE)
    }

    /// `self - other`.
    pub fn sub(&self, b: &mut Builder, other: &Self) -> Self {
        self.lin(b, F::ONE, other, F::NEG_ONE)
    }

    /// `-self`.
    pub fn neg(&self, b: &mut Builder) -> Self {
        self.scale(b, F::NEG_ONE)
    }

    /// `alpha · self + beta · other` for constants `alpha`, `beta` (5 operations).
    pub fn lin(&self, b: &mut Builder, alpha: F, other: &Self, beta: F) -> Self {
        let one = b.one();
        Self(core::array::from_fn(|i| {
            b.arithmetic(alpha, beta, self.0[i], one, other.0[i])
        }))
    }

    /// `k · self` for a base-field constant `k`.
    pub fn scale(&self, b: &mut Builder, k: F) -> Self {
        Self(self.0.map(|x| b.mul_const(k, x)))
    }

    /// `self + c` for a constant `c`.
    pub fn add_const(&self, b: &mut Builder, c: Fp5) -> Self {
        Self(core::array::from_fn(|i| {
            if c.0[i] == F::ZERO {
                self.0[i]
            } else {
                b.add_const(self.0[i], c.0[i])
            }
        }))
    }

    /// `alpha · (k z) · self + beta · other`: multiplication by the constant `k·z` (as in the
    /// curve constant `b = 263 z`) fused with a linear term (5 operations).
    pub fn mul_z_lin(&self, b: &mut Builder, k: u64, alpha: F, other: &Self, beta: F) -> Self {
        let one = b.one();
        let k = fe(k) * alpha;
        // (k z)·(c0 + … + c4 z^4) = 3k c4 + k c0 z + k c1 z^2 + k c2 z^3 + k c3 z^4.
        Self(core::array::from_fn(|i| {
            let (src, c) = if i == 0 {
                (self.0[4], k * fe(W))
            } else {
                (self.0[i - 1], k)
            };
            b.arithmetic(c, beta, src, one, other.0[i])
        }))
    }

    /// `k z · self`.
    pub fn mul_z(&self, b: &mut Builder, k: u64) -> Self {
        let zero = Self::zero(b);
        self.mul_z_lin(b, k, F::ONE, &zero, F::ZERO)
    }

    /// `sigma · self · other + tau · acc` on one operation of a [`GFp5MulAddGate`] (a quarter
    /// of a row; rows are shared by operations with the same `sigma`, `tau`); `acc = None`
    /// means no addend.
    pub fn mul_acc(
        &self,
        b: &mut Builder,
        other: &Self,
        sigma: F,
        acc: Option<(&Self, F)>,
    ) -> Self {
        let (c, tau) = match acc {
            Some((c, tau)) => (*c, tau),
            None => (Self::zero(b), F::ZERO),
        };
        let gate = GFp5MulAddGate::new_from_config(&b.config);
        let constants = [sigma, tau];
        let (row, op) = b.find_slot(gate, &constants, &constants);
        let wire = |w: usize| Target::wire(row, w);
        for k in 0..5 {
            b.connect(self.0[k], wire(GFp5MulAddGate::wire_a(op, k)));
            b.connect(other.0[k], wire(GFp5MulAddGate::wire_b(op, k)));
            b.connect(c.0[k], wire(GFp5MulAddGate::wire_c(op, k)));
        }
        Self(core::array::from_fn(|k| wire(GFp5MulAddGate::wire_out(op, k))))
    }

    /// `self · other`.
    pub fn mul(&self, b: &mut Builder, other: &Self) -> Self {
        self.mul_acc(b, other, F::ONE, None)
    }

    /// `self · other + acc`.
    pub fn mul_add(&self, b: &mut Builder, other: &Self, acc: &Self) -> Self {
        self.mul_acc(b, other, F::ONE, Some((acc, F::ONE)))
    }

    /// `acc - self · other`.
    pub fn neg_mul_add(&self, b: &mut Builder, other: &Self, acc: &Self) -> Self {
        self.mul_acc(b, other, F::NEG_ONE, Some((acc, F::ONE)))
    }

    /// `self²` (one [`GFp5MulAddGate`] operation).
    pub fn square(&self, b: &mut Builder) -> Self {
        self.mul(b, self)
    }

    /// `self / den`, the quotient taken from a hint and constrained by `q · den = self`.
    /// Witness generation fails if `den = 0` (and the constraint then only holds for `self = 0`
    /// with any `q`: callers divide by values that are non-zero for every valid input).
    pub fn div(&self, b: &mut Builder, den: &Self) -> Self {
        let q = Self::new_virtual(b);
        b.add_simple_generator(Fp5DivGenerator {
            num: Some(*self),
            den: *den,
            quotient: q,
        });
        let prod = q.mul(b, den);
        prod.connect(b, self);
        q
    }

    /// `1 / self`, constrained by `q · self = 1` (so this also asserts `self != 0`).
    pub fn inverse(&self, b: &mut Builder) -> Self {
        let q = Self::new_virtual(b);
        b.add_simple_generator(Fp5DivGenerator {
            num: None,
            den: *self,
            quotient: q,
        });
        let prod = q.mul(b, self);
        let one = Self::constant(b, Fp5::ONE);
        prod.connect(b, &one);
        q
    }

    /// Whether `self == other`.
    pub fn is_equal(&self, b: &mut Builder, other: &Self) -> BoolTarget {
        let mut acc = b._true();
        for (x, y) in self.0.iter().zip(other.0.iter()) {
            let e = b.is_equal(*x, *y);
            acc = b.and(acc, e);
        }
        acc
    }

    /// `if cond { self } else { other }`.
    pub fn select(&self, b: &mut Builder, cond: BoolTarget, other: &Self) -> Self {
        Self(core::array::from_fn(|i| {
            b.select(cond, self.0[i], other.0[i])
        }))
    }
}

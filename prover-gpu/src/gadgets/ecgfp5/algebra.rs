//! GF(p^5) formulas written once for the three places a custom gate evaluates them: the base
//! field (prover: quotient, witness generation), the extension field (verifier) and the circuit
//! (recursive verifier). An [`Alg`] is one of those rings; [`Fp5Of`] is an element of GF(p^5)
//! over it, five limbs, lowest degree first, with `z^5 = 3`.

use plonky2::field::extension::Extendable;
use plonky2::field::types::Field;
use plonky2::iop::ext_target::ExtensionTarget;
use plonky2::plonk::circuit_builder::CircuitBuilder;

use super::{D, F};

/// The `W` of `z^5 = W`.
pub const W: u64 = 3;

/// A ring the gate formulas are evaluated in.
pub trait Alg {
    /// Its elements.
    type E: Copy;
    /// `a + b`.
    fn add(&mut self, a: Self::E, b: Self::E) -> Self::E;
    /// `a − b`.
    fn sub(&mut self, a: Self::E, b: Self::E) -> Self::E;
    /// `a · b`.
    fn mul(&mut self, a: Self::E, b: Self::E) -> Self::E;
    /// `c · a` for a constant `c`.
    fn scale(&mut self, c: u64, a: Self::E) -> Self::E;
}

/// The base or extension field `T`.
pub struct In<T>(core::marker::PhantomData<T>);

impl<T> Default for In<T> {
    fn default() -> Self {
        Self(core::marker::PhantomData)
    }
}

impl<T: Field> Alg for In<T> {
    type E = T;
    fn add(&mut self, a: T, b: T) -> T {
        a + b
    }
    fn sub(&mut self, a: T, b: T) -> T {
        a - b
    }
    fn mul(&mut self, a: T, b: T) -> T {
        a * b
    }
    fn scale(&mut self, c: u64, a: T) -> T {
        T::from_canonical_u64(c) * a
    }
}

/// The recursive circuit: elements are extension targets of `builder`.
pub struct InCircuit<'a>(pub &'a mut CircuitBuilder<F, D>);

impl Alg for InCircuit<'_> {
    type E = ExtensionTarget<D>;
    fn add(&mut self, a: Self::E, b: Self::E) -> Self::E {
        self.0.add_extension(a, b)
    }
    fn sub(&mut self, a: Self::E, b: Self::E) -> Self::E {
        self.0.sub_extension(a, b)
    }
    fn mul(&mut self, a: Self::E, b: Self::E) -> Self::E {
        self.0.mul_extension(a, b)
    }
    fn scale(&mut self, c: u64, a: Self::E) -> Self::E {
        let c = <F as Extendable<D>>::Extension::from_canonical_u64(c);
        let c = self.0.constant_extension(c);
        self.0.mul_extension(c, a)
    }
}

/// An element of GF(p^5) over the ring of `A`.
pub type Fp5Of<A> = [<A as Alg>::E; 5];

/// `a + b`.
pub fn add5<A: Alg>(alg: &mut A, a: &Fp5Of<A>, b: &Fp5Of<A>) -> Fp5Of<A> {
    core::array::from_fn(|k| alg.add(a[k], b[k]))
}

/// `a − b`.
pub fn sub5<A: Alg>(alg: &mut A, a: &Fp5Of<A>, b: &Fp5Of<A>) -> Fp5Of<A> {
    core::array::from_fn(|k| alg.sub(a[k], b[k]))
}

/// `c · a` for a base-field constant `c`.
pub fn scale5<A: Alg>(alg: &mut A, c: u64, a: &Fp5Of<A>) -> Fp5Of<A> {
    core::array::from_fn(|k| alg.scale(c, a[k]))
}

/// `c·z · a` for a constant `c` (the curve constant `b = b1·z` is of this form): a shift of the
/// limbs, the top one folded through `z^5 = 3`.
pub fn mul_z5<A: Alg>(alg: &mut A, c: u64, a: &Fp5Of<A>) -> Fp5Of<A> {
    core::array::from_fn(|k| {
        if k == 0 {
            alg.scale(c * W, a[4])
        } else {
            alg.scale(c, a[k - 1])
        }
    })
}

/// `a · b` (schoolbook, the terms of degree ≥ 5 folded through `z^5 = 3`).
pub fn mul5<A: Alg>(alg: &mut A, a: &Fp5Of<A>, b: &Fp5Of<A>) -> Fp5Of<A> {
    core::array::from_fn(|k| {
        let mut low = alg.mul(a[0], b[k]);
        for m in 1..=k {
            let t = alg.mul(a[m], b[k - m]);
            low = alg.add(low, t);
        }
        let mut high: Option<A::E> = None;
        for m in k + 1..5 {
            let t = alg.mul(a[m], b[k + 5 - m]);
            high = Some(match high {
                Some(h) => alg.add(h, t),
                None => t,
            });
        }
        match high {
            Some(h) => {
                let h = alg.scale(W, h);
                alg.add(low, h)
            }
            None => low,
        }
    })
}

/// `a²`.
pub fn square5<A: Alg>(alg: &mut A, a: &Fp5Of<A>) -> Fp5Of<A> {
    mul5(alg, a, a)
}

//! Witness generators (hints) of the EcGFp5 gadgets. Each computes values natively with
//! `janus_l2::curve` and writes them to targets that the calling gadget then constrains; a hint
//! never decides validity on its own. A failure (division by zero, a key that is not on the
//! curve) becomes an error of plonky2's witness generation, i.e. `prove` returns `Err`.

use plonky2::field::extension::quintic::QuinticExtension;
use plonky2::field::types::{Field, PrimeField64};
use plonky2::iop::generator::{GeneratedValues, SimpleGenerator};
use plonky2::iop::target::{BoolTarget, Target};
use plonky2::iop::witness::{PartitionWitness, Witness, WitnessWrite};
use plonky2::plonk::circuit_data::CommonCircuitData;
use plonky2::util::serialization::{Buffer, IoResult, Read, Write};

use super::error::EcGFp5Error;
use super::gfp5::GFp5Target;
use super::native::decode_witness;
use super::{D, F};
use janus_l2::curve::Fp5;

fn get5(w: &PartitionWitness<F>, t: &GFp5Target) -> Fp5 {
    QuinticExtension(t.0.map(|x| w.get_target(x)))
}

fn set5(out: &mut GeneratedValues<F>, t: &GFp5Target, v: Fp5) -> anyhow::Result<()> {
    for (x, c) in t.0.iter().zip(v.0) {
        out.set_target(*x, c)?;
    }
    Ok(())
}

fn write5(dst: &mut Vec<u8>, t: &GFp5Target) -> IoResult<()> {
    dst.write_target_vec(&t.0)
}

fn read5(src: &mut Buffer) -> IoResult<GFp5Target> {
    let v = src.read_target_vec()?;
    let arr: [Target; 5] = v
        .try_into()
        .map_err(|_| plonky2::util::serialization::IoError)?;
    Ok(GFp5Target(arr))
}

/// `quotient = num / den` (`num = None` means 1).
#[derive(Debug, Clone)]
pub struct Fp5DivGenerator {
    /// Numerator (`None`: one).
    pub num: Option<GFp5Target>,
    /// Denominator.
    pub den: GFp5Target,
    /// Output.
    pub quotient: GFp5Target,
}

impl Fp5DivGenerator {
    /// Its generator id (what the prover-data cache tags it with, `crate::cache`).
    pub const ID: &'static str = "JanusFp5DivGenerator";
}

impl SimpleGenerator<F, D> for Fp5DivGenerator {
    fn id(&self) -> String {
        Self::ID.into()
    }

    fn dependencies(&self) -> Vec<Target> {
        let mut deps = self.den.0.to_vec();
        if let Some(n) = &self.num {
            deps.extend_from_slice(&n.0);
        }
        deps
    }

    fn run_once(
        &self,
        witness: &PartitionWitness<F>,
        out_buffer: &mut GeneratedValues<F>,
    ) -> anyhow::Result<()> {
        let den = get5(witness, &self.den);
        let inv = den.try_inverse().ok_or(EcGFp5Error::DivisionByZero)?;
        let q = match &self.num {
            Some(n) => get5(witness, n) * inv,
            None => inv,
        };
        set5(out_buffer, &self.quotient, q)
    }

    fn serialize(&self, dst: &mut Vec<u8>, _c: &CommonCircuitData<F, D>) -> IoResult<()> {
        dst.write_bool(self.num.is_some())?;
        if let Some(n) = &self.num {
            write5(dst, n)?;
        }
        write5(dst, &self.den)?;
        write5(dst, &self.quotient)
    }

    fn deserialize(src: &mut Buffer, _c: &CommonCircuitData<F, D>) -> IoResult<Self> {
        let num = if src.read_bool()? {
            Some(read5(src)?)
        } else {
            None
        };
        Ok(Self {
            num,
            den: read5(src)?,
            quotient: read5(src)?,
        })
    }
}

/// `inv = 1/x` if `x != 0`, else `0` (the witness of the zero test in point encoding).
#[derive(Debug, Clone)]
pub struct Fp5InverseOrZeroGenerator {
    /// Input.
    pub x: GFp5Target,
    /// Output.
    pub inv: GFp5Target,
}

impl Fp5InverseOrZeroGenerator {
    /// Its generator id (what the prover-data cache tags it with, `crate::cache`).
    pub const ID: &'static str = "JanusFp5InverseOrZeroGenerator";
}

impl SimpleGenerator<F, D> for Fp5InverseOrZeroGenerator {
    fn id(&self) -> String {
        Self::ID.into()
    }

    fn dependencies(&self) -> Vec<Target> {
        self.x.0.to_vec()
    }

    fn run_once(
        &self,
        witness: &PartitionWitness<F>,
        out_buffer: &mut GeneratedValues<F>,
    ) -> anyhow::Result<()> {
        let x = get5(witness, &self.x);
        set5(out_buffer, &self.inv, x.try_inverse().unwrap_or(Fp5::ZERO))
    }

    fn serialize(&self, dst: &mut Vec<u8>, _c: &CommonCircuitData<F, D>) -> IoResult<()> {
        write5(dst, &self.x)?;
        write5(dst, &self.inv)
    }

    fn deserialize(src: &mut Buffer, _c: &CommonCircuitData<F, D>) -> IoResult<Self> {
        Ok(Self {
            x: read5(src)?,
            inv: read5(src)?,
        })
    }
}

/// The decoding witness `(r, q)` of an encoding `w` (see [`decode_witness`]).
#[derive(Debug, Clone)]
pub struct DecodeGenerator {
    /// The encoding.
    pub w: GFp5Target,
    /// Square root of the discriminant, signed so that `(e + r)/2` is a square.
    pub r: GFp5Target,
    /// Square root of `(e + r)/2`.
    pub q: GFp5Target,
}

impl DecodeGenerator {
    /// Its generator id (what the prover-data cache tags it with, `crate::cache`).
    pub const ID: &'static str = "JanusEcGFp5DecodeGenerator";
}

impl SimpleGenerator<F, D> for DecodeGenerator {
    fn id(&self) -> String {
        Self::ID.into()
    }

    fn dependencies(&self) -> Vec<Target> {
        self.w.0.to_vec()
    }

    fn run_once(
        &self,
        witness: &PartitionWitness<F>,
        out_buffer: &mut GeneratedValues<F>,
    ) -> anyhow::Result<()> {
        let w = get5(witness, &self.w);
        let (r, q, _) = decode_witness(&w).ok_or(EcGFp5Error::NotOnCurve)?;
        set5(out_buffer, &self.r, r)?;
        set5(out_buffer, &self.q, q)
    }

    fn serialize(&self, dst: &mut Vec<u8>, _c: &CommonCircuitData<F, D>) -> IoResult<()> {
        write5(dst, &self.w)?;
        write5(dst, &self.r)?;
        write5(dst, &self.q)
    }

    fn deserialize(src: &mut Buffer, _c: &CommonCircuitData<F, D>) -> IoResult<Self> {
        Ok(Self {
            w: read5(src)?,
            r: read5(src)?,
            q: read5(src)?,
        })
    }
}

/// `out = (x < c)` for a target `x` and a constant `c` (both below 2^32; the caller range-checks
/// the difference that this bit selects).
#[derive(Debug, Clone)]
pub struct LessThanConstGenerator {
    /// The compared value.
    pub x: Target,
    /// The constant.
    pub c: u32,
    /// Output bit.
    pub out: BoolTarget,
}

impl LessThanConstGenerator {
    /// Its generator id (what the prover-data cache tags it with, `crate::cache`).
    pub const ID: &'static str = "JanusLessThanConstGenerator";
}

impl SimpleGenerator<F, D> for LessThanConstGenerator {
    fn id(&self) -> String {
        Self::ID.into()
    }

    fn dependencies(&self) -> Vec<Target> {
        vec![self.x]
    }

    fn run_once(
        &self,
        witness: &PartitionWitness<F>,
        out_buffer: &mut GeneratedValues<F>,
    ) -> anyhow::Result<()> {
        let x = witness.get_target(self.x).to_canonical_u64();
        out_buffer.set_target(self.out.target, F::from_bool(x < u64::from(self.c)))
    }

    fn serialize(&self, dst: &mut Vec<u8>, _c: &CommonCircuitData<F, D>) -> IoResult<()> {
        dst.write_target(self.x)?;
        dst.write_u32(self.c)?;
        dst.write_target_bool(self.out)
    }

    fn deserialize(src: &mut Buffer, _c: &CommonCircuitData<F, D>) -> IoResult<Self> {
        Ok(Self {
            x: src.read_target()?,
            c: src.read_u32()?,
            out: src.read_target_bool()?,
        })
    }
}

//! The gate and witness-generator serializers of Janus circuits: plonky2's default lists plus
//! what Janus circuits add — the base-4 `BaseSumGate` and its generator (plonky2's lists only
//! hold base 2), the custom EcGFp5 gates, the EcGFp5 hints and the fixed wire that replaces
//! plonky2's random one. Each
//! item is written as a one-byte tag, then its own bytes; tag 0 hands it to plonky2's default
//! serializer (which writes its own tag).
//!
//! One serializer serves every config (the Poseidon batch and recursive circuits, the Keccak
//! wrapper): plonky2's list depends on the config only through `DummyProofGenerator`, which no
//! Janus circuit uses (no conditional recursion), so it is instantiated with the Poseidon config.

use core::marker::PhantomData;

use plonky2::gates::base_sum::{BaseSplitGenerator, BaseSumGate};
use plonky2::gates::gate::{Gate, GateRef};
use plonky2::iop::generator::{SimpleGenerator, WitnessGeneratorRef};
use plonky2::plonk::circuit_data::CommonCircuitData;
use plonky2::util::serialization::{
    Buffer, DefaultGateSerializer, DefaultGeneratorSerializer, GateSerializer, IoError, IoResult,
    Read, WitnessGeneratorSerializer, Write,
};

use crate::gadgets::ecgfp5::hints::{
    DecodeGenerator, Fp5DivGenerator, Fp5InverseOrZeroGenerator, LessThanConstGenerator,
};
use crate::gadgets::ecgfp5::mul_gate::{GFp5MulAddGate, GFp5MulAddGenerator};
use crate::gadgets::ecgfp5::point_gate::{
    AddAffine, Double, EcGFp5AddAffineGate, EcGFp5DoubleGate, PointGenerator, PointOp,
};
use crate::prover::{FixedWireGenerator, C, D, F, FIXED_WIRE_GENERATOR_ID};

/// Tag of a gate or generator that plonky2's default serializer handles.
const PLONKY2: u8 = 0;

/// Our generators' ids, by tag (1 + index). Append only: a tag's meaning never changes.
/// Computed once: writing a circuit asks this for each of its (hundreds of thousands of)
/// generators.
fn our_generator_ids() -> &'static [String; 9] {
    static IDS: std::sync::OnceLock<[String; 9]> = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        [
            FIXED_WIRE_GENERATOR_ID.to_string(),
            Fp5DivGenerator::ID.to_string(),
            Fp5InverseOrZeroGenerator::ID.to_string(),
            DecodeGenerator::ID.to_string(),
            LessThanConstGenerator::ID.to_string(),
            SimpleGenerator::<F, D>::id(&BaseSplitGenerator::<4>::default()),
            GFp5MulAddGenerator::ID.to_string(),
            Double::GENERATOR_ID.to_string(),
            AddAffine::GENERATOR_ID.to_string(),
        ]
    })
}

/// Serializer of every gate a Janus circuit uses.
#[derive(Debug, Default)]
pub struct JanusGateSerializer;

impl GateSerializer<F, D> for JanusGateSerializer {
    fn read_gate(
        &self,
        buf: &mut Buffer,
        common: &CommonCircuitData<F, D>,
    ) -> IoResult<GateRef<F, D>> {
        match buf.read_u8()? {
            PLONKY2 => DefaultGateSerializer.read_gate(buf, common),
            1 => Ok(GateRef::new(BaseSumGate::<4>::deserialize(buf, common)?)),
            2 => Ok(GateRef::new(GFp5MulAddGate::deserialize(buf, common)?)),
            3 => Ok(GateRef::new(EcGFp5DoubleGate::deserialize(buf, common)?)),
            4 => Ok(GateRef::new(EcGFp5AddAffineGate::deserialize(buf, common)?)),
            _ => Err(IoError),
        }
    }

    fn write_gate(
        &self,
        buf: &mut Vec<u8>,
        gate: &GateRef<F, D>,
        common: &CommonCircuitData<F, D>,
    ) -> IoResult<()> {
        let any = gate.0.as_any();
        let tag = if any.is::<BaseSumGate<4>>() {
            1
        } else if any.is::<GFp5MulAddGate>() {
            2
        } else if any.is::<EcGFp5DoubleGate>() {
            3
        } else if any.is::<EcGFp5AddAffineGate>() {
            4
        } else {
            buf.write_u8(PLONKY2)?;
            return DefaultGateSerializer.write_gate(buf, gate, common);
        };
        buf.write_u8(tag)?;
        gate.0.serialize(buf, common)
    }
}

/// Serializer of every generator a Janus circuit holds.
#[derive(Debug)]
pub struct JanusGeneratorSerializer {
    plonky2: DefaultGeneratorSerializer<C, D>,
}

impl Default for JanusGeneratorSerializer {
    fn default() -> Self {
        Self {
            plonky2: DefaultGeneratorSerializer {
                _phantom: PhantomData,
            },
        }
    }
}

fn adapt<G: SimpleGenerator<F, D>>(g: G) -> WitnessGeneratorRef<F, D> {
    WitnessGeneratorRef::new(g.adapter())
}

impl WitnessGeneratorSerializer<F, D> for JanusGeneratorSerializer {
    fn read_generator(
        &self,
        buf: &mut Buffer,
        common: &CommonCircuitData<F, D>,
    ) -> IoResult<WitnessGeneratorRef<F, D>> {
        match buf.read_u8()? {
            PLONKY2 => self.plonky2.read_generator(buf, common),
            1 => Ok(adapt(
                <FixedWireGenerator as SimpleGenerator<F, D>>::deserialize(buf, common)?,
            )),
            2 => Ok(adapt(Fp5DivGenerator::deserialize(buf, common)?)),
            3 => Ok(adapt(Fp5InverseOrZeroGenerator::deserialize(buf, common)?)),
            4 => Ok(adapt(DecodeGenerator::deserialize(buf, common)?)),
            5 => Ok(adapt(LessThanConstGenerator::deserialize(buf, common)?)),
            6 => Ok(adapt(
                <BaseSplitGenerator<4> as SimpleGenerator<F, D>>::deserialize(buf, common)?,
            )),
            7 => Ok(adapt(GFp5MulAddGenerator::deserialize(buf, common)?)),
            8 => Ok(adapt(PointGenerator::<Double>::deserialize(buf, common)?)),
            9 => Ok(adapt(PointGenerator::<AddAffine>::deserialize(
                buf, common,
            )?)),
            _ => Err(IoError),
        }
    }

    fn write_generator(
        &self,
        buf: &mut Vec<u8>,
        generator: &WitnessGeneratorRef<F, D>,
        common: &CommonCircuitData<F, D>,
    ) -> IoResult<()> {
        let id = generator.0.id();
        match our_generator_ids().iter().position(|ours| *ours == id) {
            Some(i) => {
                buf.write_u8(1 + i as u8)?;
                generator.0.serialize(buf, common)
            }
            None => {
                buf.write_u8(PLONKY2)?;
                self.plonky2.write_generator(buf, generator, common)
            }
        }
    }
}

// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;
import {Test} from "forge-std/Test.sol";
library PoseidonGatesTmp {
function evalPoseidon(uint256 wires, uint256, uint256, uint256 out) internal pure {
    assembly ("memory-safe") {

        function f_add(a, b) -> r { r := addmod(a, b, 0xffffffff00000001) }
        function f_sub(a, b) -> r { r := addmod(a, sub(0xffffffff00000001, b), 0xffffffff00000001) }
        function f_mul(a, b) -> r { r := mulmod(a, b, 0xffffffff00000001) }
        function f_pow(a, e) -> r {
            r := 1
            for {} e {} {
                if and(e, 1) { r := mulmod(r, a, 0xffffffff00000001) }
                a := mulmod(a, a, 0xffffffff00000001)
                e := shr(1, e)
            }
        }
        function f_inv(a) -> r { r := f_pow(a, 0xfffffffeffffffff) }
        function e_pack(c0, c1) -> r { r := or(c0, shl(128, c1)) }
        function e_c0(a) -> r { r := and(a, 0xffffffffffffffffffffffffffffffff) }
        function e_c1(a) -> r { r := shr(128, a) }
        function e_add(a, b) -> r {
            r := or(addmod(e_c0(a), e_c0(b), 0xffffffff00000001),
                    shl(128, addmod(shr(128, a), shr(128, b), 0xffffffff00000001)))
        }
        function e_sub(a, b) -> r {
            r := or(addmod(e_c0(a), sub(0xffffffff00000001, e_c0(b)), 0xffffffff00000001),
                    shl(128, addmod(shr(128, a), sub(0xffffffff00000001, shr(128, b)), 0xffffffff00000001)))
        }
        function e_neg(a) -> r { r := e_sub(0, a) }
        function e_mul(a, b) -> r {
            let a0 := e_c0(a)
            let a1 := shr(128, a)
            let b0 := e_c0(b)
            let b1 := shr(128, b)
            r := or(addmod(mul(a0, b0), mul(7, mul(a1, b1)), 0xffffffff00000001),
                    shl(128, addmod(mul(a0, b1), mul(a1, b0), 0xffffffff00000001)))
        }
        function e_sq(a) -> r { r := e_mul(a, a) }
        function e_smul(a, s) -> r {
            r := or(mulmod(e_c0(a), s, 0xffffffff00000001), shl(128, mulmod(shr(128, a), s, 0xffffffff00000001)))
        }
        function e_inv(a) -> r {
            let a0 := e_c0(a)
            let a1 := shr(128, a)
            let n := addmod(mulmod(a0, a0, 0xffffffff00000001),
                            sub(0xffffffff00000001, mulmod(7, mulmod(a1, a1, 0xffffffff00000001), 0xffffffff00000001)),
                            0xffffffff00000001)
            let ni := f_inv(n)
            r := or(mulmod(a0, ni, 0xffffffff00000001),
                    shl(128, mulmod(sub(0xffffffff00000001, a1), ni, 0xffffffff00000001)))
        }
        function e_at(ptr, i) -> r { r := mload(add(ptr, shl(5, i))) }

        function e_red(a) -> r {
            r := or(mod(and(a, 0xffffffffffffffffffffffffffffffff), 0xffffffff00000001),
                    shl(128, mod(shr(128, a), 0xffffffff00000001)))
        }

        function e_sbox(x) -> r {
            let x2 := e_sq(x)
            r := e_mul(e_mul(x, x2), e_sq(x2))
        }
        let st := mload(0x40)
        let tmp := add(st, 0x180)
        let swap := mload(add(wires, 768))
        mstore(out, e_mul(swap, e_sub(swap, 1)))
        mstore(add(out, 32), e_sub(e_mul(swap, e_sub(mload(add(wires, 128)), mload(wires))), mload(add(wires, 800))))
        mstore(add(out, 64), e_sub(e_mul(swap, e_sub(mload(add(wires, 160)), mload(add(wires, 32)))), mload(add(wires, 832))))
        mstore(add(out, 96), e_sub(e_mul(swap, e_sub(mload(add(wires, 192)), mload(add(wires, 64)))), mload(add(wires, 864))))
        mstore(add(out, 128), e_sub(e_mul(swap, e_sub(mload(add(wires, 224)), mload(add(wires, 96)))), mload(add(wires, 896))))
        mstore(add(st, 0), e_add(mload(wires), mload(add(wires, 800))))
        mstore(add(st, 128), e_sub(mload(add(wires, 128)), mload(add(wires, 800))))
        mstore(add(st, 32), e_add(mload(add(wires, 32)), mload(add(wires, 832))))
        mstore(add(st, 160), e_sub(mload(add(wires, 160)), mload(add(wires, 832))))
        mstore(add(st, 64), e_add(mload(add(wires, 64)), mload(add(wires, 864))))
        mstore(add(st, 192), e_sub(mload(add(wires, 192)), mload(add(wires, 864))))
        mstore(add(st, 96), e_add(mload(add(wires, 96)), mload(add(wires, 896))))
        mstore(add(st, 224), e_sub(mload(add(wires, 224)), mload(add(wires, 896))))
        mstore(add(st, 256), mload(add(wires, 256)))
        mstore(add(st, 288), mload(add(wires, 288)))
        mstore(add(st, 320), mload(add(wires, 320)))
        mstore(add(st, 352), mload(add(wires, 352)))
        mstore(add(tmp, 0), e_sbox(e_add(mload(add(st, 0)), 0xb585f766f2144405)))
        mstore(add(tmp, 32), e_sbox(e_add(mload(add(st, 32)), 0x7746a55f43921ad7)))
        mstore(add(tmp, 64), e_sbox(e_add(mload(add(st, 64)), 0xb2fb0d31cee799b4)))
        mstore(add(tmp, 96), e_sbox(e_add(mload(add(st, 96)), 0xf6760a4803427d7)))
        mstore(add(tmp, 128), e_sbox(e_add(mload(add(st, 128)), 0xe10d666650f4e012)))
        mstore(add(tmp, 160), e_sbox(e_add(mload(add(st, 160)), 0x8cae14cb07d09bf1)))
        mstore(add(tmp, 192), e_sbox(e_add(mload(add(st, 192)), 0xd438539c95f63e9f)))
        mstore(add(tmp, 224), e_sbox(e_add(mload(add(st, 224)), 0xef781c7ce35b4c3d)))
        mstore(add(tmp, 256), e_sbox(e_add(mload(add(st, 256)), 0xcdc4a239b0c44426)))
        mstore(add(tmp, 288), e_sbox(e_add(mload(add(st, 288)), 0x277fa208bf337bff)))
        mstore(add(tmp, 320), e_sbox(e_add(mload(add(st, 320)), 0xe17653a29da578a1)))
        mstore(add(tmp, 352), e_sbox(e_add(mload(add(st, 352)), 0xc54302f225db2c76)))
        mstore(add(st, 0), e_red(add(mul(mload(add(tmp, 0)), 25), add(mul(mload(add(tmp, 32)), 15), add(mul(mload(add(tmp, 64)), 41), add(mul(mload(add(tmp, 96)), 16), add(mul(mload(add(tmp, 128)), 2), add(mul(mload(add(tmp, 160)), 28), add(mul(mload(add(tmp, 192)), 13), add(mul(mload(add(tmp, 224)), 13), add(mul(mload(add(tmp, 256)), 39), add(mul(mload(add(tmp, 288)), 18), add(mul(mload(add(tmp, 320)), 34), mul(mload(add(tmp, 352)), 20))))))))))))))
        mstore(add(st, 32), e_red(add(mul(mload(add(tmp, 0)), 20), add(mul(mload(add(tmp, 32)), 17), add(mul(mload(add(tmp, 64)), 15), add(mul(mload(add(tmp, 96)), 41), add(mul(mload(add(tmp, 128)), 16), add(mul(mload(add(tmp, 160)), 2), add(mul(mload(add(tmp, 192)), 28), add(mul(mload(add(tmp, 224)), 13), add(mul(mload(add(tmp, 256)), 13), add(mul(mload(add(tmp, 288)), 39), add(mul(mload(add(tmp, 320)), 18), mul(mload(add(tmp, 352)), 34))))))))))))))
        mstore(add(st, 64), e_red(add(mul(mload(add(tmp, 0)), 34), add(mul(mload(add(tmp, 32)), 20), add(mul(mload(add(tmp, 64)), 17), add(mul(mload(add(tmp, 96)), 15), add(mul(mload(add(tmp, 128)), 41), add(mul(mload(add(tmp, 160)), 16), add(mul(mload(add(tmp, 192)), 2), add(mul(mload(add(tmp, 224)), 28), add(mul(mload(add(tmp, 256)), 13), add(mul(mload(add(tmp, 288)), 13), add(mul(mload(add(tmp, 320)), 39), mul(mload(add(tmp, 352)), 18))))))))))))))
        mstore(add(st, 96), e_red(add(mul(mload(add(tmp, 0)), 18), add(mul(mload(add(tmp, 32)), 34), add(mul(mload(add(tmp, 64)), 20), add(mul(mload(add(tmp, 96)), 17), add(mul(mload(add(tmp, 128)), 15), add(mul(mload(add(tmp, 160)), 41), add(mul(mload(add(tmp, 192)), 16), add(mul(mload(add(tmp, 224)), 2), add(mul(mload(add(tmp, 256)), 28), add(mul(mload(add(tmp, 288)), 13), add(mul(mload(add(tmp, 320)), 13), mul(mload(add(tmp, 352)), 39))))))))))))))
        mstore(add(st, 128), e_red(add(mul(mload(add(tmp, 0)), 39), add(mul(mload(add(tmp, 32)), 18), add(mul(mload(add(tmp, 64)), 34), add(mul(mload(add(tmp, 96)), 20), add(mul(mload(add(tmp, 128)), 17), add(mul(mload(add(tmp, 160)), 15), add(mul(mload(add(tmp, 192)), 41), add(mul(mload(add(tmp, 224)), 16), add(mul(mload(add(tmp, 256)), 2), add(mul(mload(add(tmp, 288)), 28), add(mul(mload(add(tmp, 320)), 13), mul(mload(add(tmp, 352)), 13))))))))))))))
        mstore(add(st, 160), e_red(add(mul(mload(add(tmp, 0)), 13), add(mul(mload(add(tmp, 32)), 39), add(mul(mload(add(tmp, 64)), 18), add(mul(mload(add(tmp, 96)), 34), add(mul(mload(add(tmp, 128)), 20), add(mul(mload(add(tmp, 160)), 17), add(mul(mload(add(tmp, 192)), 15), add(mul(mload(add(tmp, 224)), 41), add(mul(mload(add(tmp, 256)), 16), add(mul(mload(add(tmp, 288)), 2), add(mul(mload(add(tmp, 320)), 28), mul(mload(add(tmp, 352)), 13))))))))))))))
        mstore(add(st, 192), e_red(add(mul(mload(add(tmp, 0)), 13), add(mul(mload(add(tmp, 32)), 13), add(mul(mload(add(tmp, 64)), 39), add(mul(mload(add(tmp, 96)), 18), add(mul(mload(add(tmp, 128)), 34), add(mul(mload(add(tmp, 160)), 20), add(mul(mload(add(tmp, 192)), 17), add(mul(mload(add(tmp, 224)), 15), add(mul(mload(add(tmp, 256)), 41), add(mul(mload(add(tmp, 288)), 16), add(mul(mload(add(tmp, 320)), 2), mul(mload(add(tmp, 352)), 28))))))))))))))
        mstore(add(st, 224), e_red(add(mul(mload(add(tmp, 0)), 28), add(mul(mload(add(tmp, 32)), 13), add(mul(mload(add(tmp, 64)), 13), add(mul(mload(add(tmp, 96)), 39), add(mul(mload(add(tmp, 128)), 18), add(mul(mload(add(tmp, 160)), 34), add(mul(mload(add(tmp, 192)), 20), add(mul(mload(add(tmp, 224)), 17), add(mul(mload(add(tmp, 256)), 15), add(mul(mload(add(tmp, 288)), 41), add(mul(mload(add(tmp, 320)), 16), mul(mload(add(tmp, 352)), 2))))))))))))))
        mstore(add(st, 256), e_red(add(mul(mload(add(tmp, 0)), 2), add(mul(mload(add(tmp, 32)), 28), add(mul(mload(add(tmp, 64)), 13), add(mul(mload(add(tmp, 96)), 13), add(mul(mload(add(tmp, 128)), 39), add(mul(mload(add(tmp, 160)), 18), add(mul(mload(add(tmp, 192)), 34), add(mul(mload(add(tmp, 224)), 20), add(mul(mload(add(tmp, 256)), 17), add(mul(mload(add(tmp, 288)), 15), add(mul(mload(add(tmp, 320)), 41), mul(mload(add(tmp, 352)), 16))))))))))))))
        mstore(add(st, 288), e_red(add(mul(mload(add(tmp, 0)), 16), add(mul(mload(add(tmp, 32)), 2), add(mul(mload(add(tmp, 64)), 28), add(mul(mload(add(tmp, 96)), 13), add(mul(mload(add(tmp, 128)), 13), add(mul(mload(add(tmp, 160)), 39), add(mul(mload(add(tmp, 192)), 18), add(mul(mload(add(tmp, 224)), 34), add(mul(mload(add(tmp, 256)), 20), add(mul(mload(add(tmp, 288)), 17), add(mul(mload(add(tmp, 320)), 15), mul(mload(add(tmp, 352)), 41))))))))))))))
        mstore(add(st, 320), e_red(add(mul(mload(add(tmp, 0)), 41), add(mul(mload(add(tmp, 32)), 16), add(mul(mload(add(tmp, 64)), 2), add(mul(mload(add(tmp, 96)), 28), add(mul(mload(add(tmp, 128)), 13), add(mul(mload(add(tmp, 160)), 13), add(mul(mload(add(tmp, 192)), 39), add(mul(mload(add(tmp, 224)), 18), add(mul(mload(add(tmp, 256)), 34), add(mul(mload(add(tmp, 288)), 20), add(mul(mload(add(tmp, 320)), 17), mul(mload(add(tmp, 352)), 15))))))))))))))
        mstore(add(st, 352), e_red(add(mul(mload(add(tmp, 0)), 15), add(mul(mload(add(tmp, 32)), 41), add(mul(mload(add(tmp, 64)), 16), add(mul(mload(add(tmp, 96)), 2), add(mul(mload(add(tmp, 128)), 28), add(mul(mload(add(tmp, 160)), 13), add(mul(mload(add(tmp, 192)), 13), add(mul(mload(add(tmp, 224)), 39), add(mul(mload(add(tmp, 256)), 18), add(mul(mload(add(tmp, 288)), 34), add(mul(mload(add(tmp, 320)), 20), mul(mload(add(tmp, 352)), 17))))))))))))))
        mstore(add(out, 160), e_sub(e_add(mload(add(st, 0)), 0x86287821f722c881), mload(add(wires, 928))))
        mstore(add(tmp, 0), e_sbox(mload(add(wires, 928))))
        mstore(add(out, 192), e_sub(e_add(mload(add(st, 32)), 0x59cd1a8a41c18e55), mload(add(wires, 960))))
        mstore(add(tmp, 32), e_sbox(mload(add(wires, 960))))
        mstore(add(out, 224), e_sub(e_add(mload(add(st, 64)), 0xc3b919ad495dc574), mload(add(wires, 992))))
        mstore(add(tmp, 64), e_sbox(mload(add(wires, 992))))
        mstore(add(out, 256), e_sub(e_add(mload(add(st, 96)), 0xa484c4c5ef6a0781), mload(add(wires, 1024))))
        mstore(add(tmp, 96), e_sbox(mload(add(wires, 1024))))
        mstore(add(out, 288), e_sub(e_add(mload(add(st, 128)), 0x308bbd23dc5416cc), mload(add(wires, 1056))))
        mstore(add(tmp, 128), e_sbox(mload(add(wires, 1056))))
        mstore(add(out, 320), e_sub(e_add(mload(add(st, 160)), 0x6e4a40c18f30c09c), mload(add(wires, 1088))))
        mstore(add(tmp, 160), e_sbox(mload(add(wires, 1088))))
        mstore(add(out, 352), e_sub(e_add(mload(add(st, 192)), 0x9a2eedb70d8f8cfa), mload(add(wires, 1120))))
        mstore(add(tmp, 192), e_sbox(mload(add(wires, 1120))))
        mstore(add(out, 384), e_sub(e_add(mload(add(st, 224)), 0xe360c6e0ae486f38), mload(add(wires, 1152))))
        mstore(add(tmp, 224), e_sbox(mload(add(wires, 1152))))
        mstore(add(out, 416), e_sub(e_add(mload(add(st, 256)), 0xd5c7718fbfc647fb), mload(add(wires, 1184))))
        mstore(add(tmp, 256), e_sbox(mload(add(wires, 1184))))
        mstore(add(out, 448), e_sub(e_add(mload(add(st, 288)), 0xc35eae071903ff0b), mload(add(wires, 1216))))
        mstore(add(tmp, 288), e_sbox(mload(add(wires, 1216))))
        mstore(add(out, 480), e_sub(e_add(mload(add(st, 320)), 0x849c2656969c4be7), mload(add(wires, 1248))))
        mstore(add(tmp, 320), e_sbox(mload(add(wires, 1248))))
        mstore(add(out, 512), e_sub(e_add(mload(add(st, 352)), 0xc0572c8c08cbbbad), mload(add(wires, 1280))))
        mstore(add(tmp, 352), e_sbox(mload(add(wires, 1280))))
        mstore(add(st, 0), e_red(add(mul(mload(add(tmp, 0)), 25), add(mul(mload(add(tmp, 32)), 15), add(mul(mload(add(tmp, 64)), 41), add(mul(mload(add(tmp, 96)), 16), add(mul(mload(add(tmp, 128)), 2), add(mul(mload(add(tmp, 160)), 28), add(mul(mload(add(tmp, 192)), 13), add(mul(mload(add(tmp, 224)), 13), add(mul(mload(add(tmp, 256)), 39), add(mul(mload(add(tmp, 288)), 18), add(mul(mload(add(tmp, 320)), 34), mul(mload(add(tmp, 352)), 20))))))))))))))
        mstore(add(st, 32), e_red(add(mul(mload(add(tmp, 0)), 20), add(mul(mload(add(tmp, 32)), 17), add(mul(mload(add(tmp, 64)), 15), add(mul(mload(add(tmp, 96)), 41), add(mul(mload(add(tmp, 128)), 16), add(mul(mload(add(tmp, 160)), 2), add(mul(mload(add(tmp, 192)), 28), add(mul(mload(add(tmp, 224)), 13), add(mul(mload(add(tmp, 256)), 13), add(mul(mload(add(tmp, 288)), 39), add(mul(mload(add(tmp, 320)), 18), mul(mload(add(tmp, 352)), 34))))))))))))))
        mstore(add(st, 64), e_red(add(mul(mload(add(tmp, 0)), 34), add(mul(mload(add(tmp, 32)), 20), add(mul(mload(add(tmp, 64)), 17), add(mul(mload(add(tmp, 96)), 15), add(mul(mload(add(tmp, 128)), 41), add(mul(mload(add(tmp, 160)), 16), add(mul(mload(add(tmp, 192)), 2), add(mul(mload(add(tmp, 224)), 28), add(mul(mload(add(tmp, 256)), 13), add(mul(mload(add(tmp, 288)), 13), add(mul(mload(add(tmp, 320)), 39), mul(mload(add(tmp, 352)), 18))))))))))))))
        mstore(add(st, 96), e_red(add(mul(mload(add(tmp, 0)), 18), add(mul(mload(add(tmp, 32)), 34), add(mul(mload(add(tmp, 64)), 20), add(mul(mload(add(tmp, 96)), 17), add(mul(mload(add(tmp, 128)), 15), add(mul(mload(add(tmp, 160)), 41), add(mul(mload(add(tmp, 192)), 16), add(mul(mload(add(tmp, 224)), 2), add(mul(mload(add(tmp, 256)), 28), add(mul(mload(add(tmp, 288)), 13), add(mul(mload(add(tmp, 320)), 13), mul(mload(add(tmp, 352)), 39))))))))))))))
        mstore(add(st, 128), e_red(add(mul(mload(add(tmp, 0)), 39), add(mul(mload(add(tmp, 32)), 18), add(mul(mload(add(tmp, 64)), 34), add(mul(mload(add(tmp, 96)), 20), add(mul(mload(add(tmp, 128)), 17), add(mul(mload(add(tmp, 160)), 15), add(mul(mload(add(tmp, 192)), 41), add(mul(mload(add(tmp, 224)), 16), add(mul(mload(add(tmp, 256)), 2), add(mul(mload(add(tmp, 288)), 28), add(mul(mload(add(tmp, 320)), 13), mul(mload(add(tmp, 352)), 13))))))))))))))
        mstore(add(st, 160), e_red(add(mul(mload(add(tmp, 0)), 13), add(mul(mload(add(tmp, 32)), 39), add(mul(mload(add(tmp, 64)), 18), add(mul(mload(add(tmp, 96)), 34), add(mul(mload(add(tmp, 128)), 20), add(mul(mload(add(tmp, 160)), 17), add(mul(mload(add(tmp, 192)), 15), add(mul(mload(add(tmp, 224)), 41), add(mul(mload(add(tmp, 256)), 16), add(mul(mload(add(tmp, 288)), 2), add(mul(mload(add(tmp, 320)), 28), mul(mload(add(tmp, 352)), 13))))))))))))))
        mstore(add(st, 192), e_red(add(mul(mload(add(tmp, 0)), 13), add(mul(mload(add(tmp, 32)), 13), add(mul(mload(add(tmp, 64)), 39), add(mul(mload(add(tmp, 96)), 18), add(mul(mload(add(tmp, 128)), 34), add(mul(mload(add(tmp, 160)), 20), add(mul(mload(add(tmp, 192)), 17), add(mul(mload(add(tmp, 224)), 15), add(mul(mload(add(tmp, 256)), 41), add(mul(mload(add(tmp, 288)), 16), add(mul(mload(add(tmp, 320)), 2), mul(mload(add(tmp, 352)), 28))))))))))))))
        mstore(add(st, 224), e_red(add(mul(mload(add(tmp, 0)), 28), add(mul(mload(add(tmp, 32)), 13), add(mul(mload(add(tmp, 64)), 13), add(mul(mload(add(tmp, 96)), 39), add(mul(mload(add(tmp, 128)), 18), add(mul(mload(add(tmp, 160)), 34), add(mul(mload(add(tmp, 192)), 20), add(mul(mload(add(tmp, 224)), 17), add(mul(mload(add(tmp, 256)), 15), add(mul(mload(add(tmp, 288)), 41), add(mul(mload(add(tmp, 320)), 16), mul(mload(add(tmp, 352)), 2))))))))))))))
        mstore(add(st, 256), e_red(add(mul(mload(add(tmp, 0)), 2), add(mul(mload(add(tmp, 32)), 28), add(mul(mload(add(tmp, 64)), 13), add(mul(mload(add(tmp, 96)), 13), add(mul(mload(add(tmp, 128)), 39), add(mul(mload(add(tmp, 160)), 18), add(mul(mload(add(tmp, 192)), 34), add(mul(mload(add(tmp, 224)), 20), add(mul(mload(add(tmp, 256)), 17), add(mul(mload(add(tmp, 288)), 15), add(mul(mload(add(tmp, 320)), 41), mul(mload(add(tmp, 352)), 16))))))))))))))
        mstore(add(st, 288), e_red(add(mul(mload(add(tmp, 0)), 16), add(mul(mload(add(tmp, 32)), 2), add(mul(mload(add(tmp, 64)), 28), add(mul(mload(add(tmp, 96)), 13), add(mul(mload(add(tmp, 128)), 13), add(mul(mload(add(tmp, 160)), 39), add(mul(mload(add(tmp, 192)), 18), add(mul(mload(add(tmp, 224)), 34), add(mul(mload(add(tmp, 256)), 20), add(mul(mload(add(tmp, 288)), 17), add(mul(mload(add(tmp, 320)), 15), mul(mload(add(tmp, 352)), 41))))))))))))))
        mstore(add(st, 320), e_red(add(mul(mload(add(tmp, 0)), 41), add(mul(mload(add(tmp, 32)), 16), add(mul(mload(add(tmp, 64)), 2), add(mul(mload(add(tmp, 96)), 28), add(mul(mload(add(tmp, 128)), 13), add(mul(mload(add(tmp, 160)), 13), add(mul(mload(add(tmp, 192)), 39), add(mul(mload(add(tmp, 224)), 18), add(mul(mload(add(tmp, 256)), 34), add(mul(mload(add(tmp, 288)), 20), add(mul(mload(add(tmp, 320)), 17), mul(mload(add(tmp, 352)), 15))))))))))))))
        mstore(add(st, 352), e_red(add(mul(mload(add(tmp, 0)), 15), add(mul(mload(add(tmp, 32)), 41), add(mul(mload(add(tmp, 64)), 16), add(mul(mload(add(tmp, 96)), 2), add(mul(mload(add(tmp, 128)), 28), add(mul(mload(add(tmp, 160)), 13), add(mul(mload(add(tmp, 192)), 13), add(mul(mload(add(tmp, 224)), 39), add(mul(mload(add(tmp, 256)), 18), add(mul(mload(add(tmp, 288)), 34), add(mul(mload(add(tmp, 320)), 20), mul(mload(add(tmp, 352)), 17))))))))))))))
        mstore(add(out, 544), e_sub(e_add(mload(add(st, 0)), 0xe9fa634a21de0082), mload(add(wires, 1312))))
        mstore(add(tmp, 0), e_sbox(mload(add(wires, 1312))))
        mstore(add(out, 576), e_sub(e_add(mload(add(st, 32)), 0xf56f6d48959a600d), mload(add(wires, 1344))))
        mstore(add(tmp, 32), e_sbox(mload(add(wires, 1344))))
        mstore(add(out, 608), e_sub(e_add(mload(add(st, 64)), 0xf7d713e806391165), mload(add(wires, 1376))))
        mstore(add(tmp, 64), e_sbox(mload(add(wires, 1376))))
        mstore(add(out, 640), e_sub(e_add(mload(add(st, 96)), 0x8297132b32825daf), mload(add(wires, 1408))))
        mstore(add(tmp, 96), e_sbox(mload(add(wires, 1408))))
        mstore(add(out, 672), e_sub(e_add(mload(add(st, 128)), 0xad6805e0e30b2c8a), mload(add(wires, 1440))))
        mstore(add(tmp, 128), e_sbox(mload(add(wires, 1440))))
        mstore(add(out, 704), e_sub(e_add(mload(add(st, 160)), 0xac51d9f5fcf8535e), mload(add(wires, 1472))))
        mstore(add(tmp, 160), e_sbox(mload(add(wires, 1472))))
        mstore(add(out, 736), e_sub(e_add(mload(add(st, 192)), 0x502ad7dc18c2ad87), mload(add(wires, 1504))))
        mstore(add(tmp, 192), e_sbox(mload(add(wires, 1504))))
        mstore(add(out, 768), e_sub(e_add(mload(add(st, 224)), 0x57a1550c110b3041), mload(add(wires, 1536))))
        mstore(add(tmp, 224), e_sbox(mload(add(wires, 1536))))
        mstore(add(out, 800), e_sub(e_add(mload(add(st, 256)), 0x66bbd30e6ce0e583), mload(add(wires, 1568))))
        mstore(add(tmp, 256), e_sbox(mload(add(wires, 1568))))
        mstore(add(out, 832), e_sub(e_add(mload(add(st, 288)), 0xda2abef589d644e), mload(add(wires, 1600))))
        mstore(add(tmp, 288), e_sbox(mload(add(wires, 1600))))
        mstore(add(out, 864), e_sub(e_add(mload(add(st, 320)), 0xf061274fdb150d61), mload(add(wires, 1632))))
        mstore(add(tmp, 320), e_sbox(mload(add(wires, 1632))))
        mstore(add(out, 896), e_sub(e_add(mload(add(st, 352)), 0x28b8ec3ae9c29633), mload(add(wires, 1664))))
        mstore(add(tmp, 352), e_sbox(mload(add(wires, 1664))))
        mstore(add(st, 0), e_red(add(mul(mload(add(tmp, 0)), 25), add(mul(mload(add(tmp, 32)), 15), add(mul(mload(add(tmp, 64)), 41), add(mul(mload(add(tmp, 96)), 16), add(mul(mload(add(tmp, 128)), 2), add(mul(mload(add(tmp, 160)), 28), add(mul(mload(add(tmp, 192)), 13), add(mul(mload(add(tmp, 224)), 13), add(mul(mload(add(tmp, 256)), 39), add(mul(mload(add(tmp, 288)), 18), add(mul(mload(add(tmp, 320)), 34), mul(mload(add(tmp, 352)), 20))))))))))))))
        mstore(add(st, 32), e_red(add(mul(mload(add(tmp, 0)), 20), add(mul(mload(add(tmp, 32)), 17), add(mul(mload(add(tmp, 64)), 15), add(mul(mload(add(tmp, 96)), 41), add(mul(mload(add(tmp, 128)), 16), add(mul(mload(add(tmp, 160)), 2), add(mul(mload(add(tmp, 192)), 28), add(mul(mload(add(tmp, 224)), 13), add(mul(mload(add(tmp, 256)), 13), add(mul(mload(add(tmp, 288)), 39), add(mul(mload(add(tmp, 320)), 18), mul(mload(add(tmp, 352)), 34))))))))))))))
        mstore(add(st, 64), e_red(add(mul(mload(add(tmp, 0)), 34), add(mul(mload(add(tmp, 32)), 20), add(mul(mload(add(tmp, 64)), 17), add(mul(mload(add(tmp, 96)), 15), add(mul(mload(add(tmp, 128)), 41), add(mul(mload(add(tmp, 160)), 16), add(mul(mload(add(tmp, 192)), 2), add(mul(mload(add(tmp, 224)), 28), add(mul(mload(add(tmp, 256)), 13), add(mul(mload(add(tmp, 288)), 13), add(mul(mload(add(tmp, 320)), 39), mul(mload(add(tmp, 352)), 18))))))))))))))
        mstore(add(st, 96), e_red(add(mul(mload(add(tmp, 0)), 18), add(mul(mload(add(tmp, 32)), 34), add(mul(mload(add(tmp, 64)), 20), add(mul(mload(add(tmp, 96)), 17), add(mul(mload(add(tmp, 128)), 15), add(mul(mload(add(tmp, 160)), 41), add(mul(mload(add(tmp, 192)), 16), add(mul(mload(add(tmp, 224)), 2), add(mul(mload(add(tmp, 256)), 28), add(mul(mload(add(tmp, 288)), 13), add(mul(mload(add(tmp, 320)), 13), mul(mload(add(tmp, 352)), 39))))))))))))))
        mstore(add(st, 128), e_red(add(mul(mload(add(tmp, 0)), 39), add(mul(mload(add(tmp, 32)), 18), add(mul(mload(add(tmp, 64)), 34), add(mul(mload(add(tmp, 96)), 20), add(mul(mload(add(tmp, 128)), 17), add(mul(mload(add(tmp, 160)), 15), add(mul(mload(add(tmp, 192)), 41), add(mul(mload(add(tmp, 224)), 16), add(mul(mload(add(tmp, 256)), 2), add(mul(mload(add(tmp, 288)), 28), add(mul(mload(add(tmp, 320)), 13), mul(mload(add(tmp, 352)), 13))))))))))))))
        mstore(add(st, 160), e_red(add(mul(mload(add(tmp, 0)), 13), add(mul(mload(add(tmp, 32)), 39), add(mul(mload(add(tmp, 64)), 18), add(mul(mload(add(tmp, 96)), 34), add(mul(mload(add(tmp, 128)), 20), add(mul(mload(add(tmp, 160)), 17), add(mul(mload(add(tmp, 192)), 15), add(mul(mload(add(tmp, 224)), 41), add(mul(mload(add(tmp, 256)), 16), add(mul(mload(add(tmp, 288)), 2), add(mul(mload(add(tmp, 320)), 28), mul(mload(add(tmp, 352)), 13))))))))))))))
        mstore(add(st, 192), e_red(add(mul(mload(add(tmp, 0)), 13), add(mul(mload(add(tmp, 32)), 13), add(mul(mload(add(tmp, 64)), 39), add(mul(mload(add(tmp, 96)), 18), add(mul(mload(add(tmp, 128)), 34), add(mul(mload(add(tmp, 160)), 20), add(mul(mload(add(tmp, 192)), 17), add(mul(mload(add(tmp, 224)), 15), add(mul(mload(add(tmp, 256)), 41), add(mul(mload(add(tmp, 288)), 16), add(mul(mload(add(tmp, 320)), 2), mul(mload(add(tmp, 352)), 28))))))))))))))
        mstore(add(st, 224), e_red(add(mul(mload(add(tmp, 0)), 28), add(mul(mload(add(tmp, 32)), 13), add(mul(mload(add(tmp, 64)), 13), add(mul(mload(add(tmp, 96)), 39), add(mul(mload(add(tmp, 128)), 18), add(mul(mload(add(tmp, 160)), 34), add(mul(mload(add(tmp, 192)), 20), add(mul(mload(add(tmp, 224)), 17), add(mul(mload(add(tmp, 256)), 15), add(mul(mload(add(tmp, 288)), 41), add(mul(mload(add(tmp, 320)), 16), mul(mload(add(tmp, 352)), 2))))))))))))))
        mstore(add(st, 256), e_red(add(mul(mload(add(tmp, 0)), 2), add(mul(mload(add(tmp, 32)), 28), add(mul(mload(add(tmp, 64)), 13), add(mul(mload(add(tmp, 96)), 13), add(mul(mload(add(tmp, 128)), 39), add(mul(mload(add(tmp, 160)), 18), add(mul(mload(add(tmp, 192)), 34), add(mul(mload(add(tmp, 224)), 20), add(mul(mload(add(tmp, 256)), 17), add(mul(mload(add(tmp, 288)), 15), add(mul(mload(add(tmp, 320)), 41), mul(mload(add(tmp, 352)), 16))))))))))))))
        mstore(add(st, 288), e_red(add(mul(mload(add(tmp, 0)), 16), add(mul(mload(add(tmp, 32)), 2), add(mul(mload(add(tmp, 64)), 28), add(mul(mload(add(tmp, 96)), 13), add(mul(mload(add(tmp, 128)), 13), add(mul(mload(add(tmp, 160)), 39), add(mul(mload(add(tmp, 192)), 18), add(mul(mload(add(tmp, 224)), 34), add(mul(mload(add(tmp, 256)), 20), add(mul(mload(add(tmp, 288)), 17), add(mul(mload(add(tmp, 320)), 15), mul(mload(add(tmp, 352)), 41))))))))))))))
        mstore(add(st, 320), e_red(add(mul(mload(add(tmp, 0)), 41), add(mul(mload(add(tmp, 32)), 16), add(mul(mload(add(tmp, 64)), 2), add(mul(mload(add(tmp, 96)), 28), add(mul(mload(add(tmp, 128)), 13), add(mul(mload(add(tmp, 160)), 13), add(mul(mload(add(tmp, 192)), 39), add(mul(mload(add(tmp, 224)), 18), add(mul(mload(add(tmp, 256)), 34), add(mul(mload(add(tmp, 288)), 20), add(mul(mload(add(tmp, 320)), 17), mul(mload(add(tmp, 352)), 15))))))))))))))
        mstore(add(st, 352), e_red(add(mul(mload(add(tmp, 0)), 15), add(mul(mload(add(tmp, 32)), 41), add(mul(mload(add(tmp, 64)), 16), add(mul(mload(add(tmp, 96)), 2), add(mul(mload(add(tmp, 128)), 28), add(mul(mload(add(tmp, 160)), 13), add(mul(mload(add(tmp, 192)), 13), add(mul(mload(add(tmp, 224)), 39), add(mul(mload(add(tmp, 256)), 18), add(mul(mload(add(tmp, 288)), 34), add(mul(mload(add(tmp, 320)), 20), mul(mload(add(tmp, 352)), 17))))))))))))))
        mstore(add(out, 928), e_sub(e_add(mload(add(st, 0)), 0x92a756e67e2b9413), mload(add(wires, 1696))))
        mstore(add(tmp, 0), e_sbox(mload(add(wires, 1696))))
        mstore(add(out, 960), e_sub(e_add(mload(add(st, 32)), 0x70e741ebfee96586), mload(add(wires, 1728))))
        mstore(add(tmp, 32), e_sbox(mload(add(wires, 1728))))
        mstore(add(out, 992), e_sub(e_add(mload(add(st, 64)), 0x19d5ee2af82ec1c), mload(add(wires, 1760))))
        mstore(add(tmp, 64), e_sbox(mload(add(wires, 1760))))
        mstore(add(out, 1024), e_sub(e_add(mload(add(st, 96)), 0x6f6f2ed772466352), mload(add(wires, 1792))))
        mstore(add(tmp, 96), e_sbox(mload(add(wires, 1792))))
        mstore(add(out, 1056), e_sub(e_add(mload(add(st, 128)), 0x7cf416cfe7e14ca1), mload(add(wires, 1824))))
        mstore(add(tmp, 128), e_sbox(mload(add(wires, 1824))))
        mstore(add(out, 1088), e_sub(e_add(mload(add(st, 160)), 0x61df517b86a46439), mload(add(wires, 1856))))
        mstore(add(tmp, 160), e_sbox(mload(add(wires, 1856))))
        mstore(add(out, 1120), e_sub(e_add(mload(add(st, 192)), 0x85dc499b11d77b75), mload(add(wires, 1888))))
        mstore(add(tmp, 192), e_sbox(mload(add(wires, 1888))))
        mstore(add(out, 1152), e_sub(e_add(mload(add(st, 224)), 0x4b959b48b9c10733), mload(add(wires, 1920))))
        mstore(add(tmp, 224), e_sbox(mload(add(wires, 1920))))
        mstore(add(out, 1184), e_sub(e_add(mload(add(st, 256)), 0xe8be3e5da8043e57), mload(add(wires, 1952))))
        mstore(add(tmp, 256), e_sbox(mload(add(wires, 1952))))
        mstore(add(out, 1216), e_sub(e_add(mload(add(st, 288)), 0xf5c0bc1de6da8699), mload(add(wires, 1984))))
        mstore(add(tmp, 288), e_sbox(mload(add(wires, 1984))))
        mstore(add(out, 1248), e_sub(e_add(mload(add(st, 320)), 0x40b12cbf09ef74bf), mload(add(wires, 2016))))
        mstore(add(tmp, 320), e_sbox(mload(add(wires, 2016))))
        mstore(add(out, 1280), e_sub(e_add(mload(add(st, 352)), 0xa637093ecb2ad631), mload(add(wires, 2048))))
        mstore(add(tmp, 352), e_sbox(mload(add(wires, 2048))))
        mstore(add(st, 0), e_red(add(mul(mload(add(tmp, 0)), 25), add(mul(mload(add(tmp, 32)), 15), add(mul(mload(add(tmp, 64)), 41), add(mul(mload(add(tmp, 96)), 16), add(mul(mload(add(tmp, 128)), 2), add(mul(mload(add(tmp, 160)), 28), add(mul(mload(add(tmp, 192)), 13), add(mul(mload(add(tmp, 224)), 13), add(mul(mload(add(tmp, 256)), 39), add(mul(mload(add(tmp, 288)), 18), add(mul(mload(add(tmp, 320)), 34), mul(mload(add(tmp, 352)), 20))))))))))))))
        mstore(add(st, 32), e_red(add(mul(mload(add(tmp, 0)), 20), add(mul(mload(add(tmp, 32)), 17), add(mul(mload(add(tmp, 64)), 15), add(mul(mload(add(tmp, 96)), 41), add(mul(mload(add(tmp, 128)), 16), add(mul(mload(add(tmp, 160)), 2), add(mul(mload(add(tmp, 192)), 28), add(mul(mload(add(tmp, 224)), 13), add(mul(mload(add(tmp, 256)), 13), add(mul(mload(add(tmp, 288)), 39), add(mul(mload(add(tmp, 320)), 18), mul(mload(add(tmp, 352)), 34))))))))))))))
        mstore(add(st, 64), e_red(add(mul(mload(add(tmp, 0)), 34), add(mul(mload(add(tmp, 32)), 20), add(mul(mload(add(tmp, 64)), 17), add(mul(mload(add(tmp, 96)), 15), add(mul(mload(add(tmp, 128)), 41), add(mul(mload(add(tmp, 160)), 16), add(mul(mload(add(tmp, 192)), 2), add(mul(mload(add(tmp, 224)), 28), add(mul(mload(add(tmp, 256)), 13), add(mul(mload(add(tmp, 288)), 13), add(mul(mload(add(tmp, 320)), 39), mul(mload(add(tmp, 352)), 18))))))))))))))
        mstore(add(st, 96), e_red(add(mul(mload(add(tmp, 0)), 18), add(mul(mload(add(tmp, 32)), 34), add(mul(mload(add(tmp, 64)), 20), add(mul(mload(add(tmp, 96)), 17), add(mul(mload(add(tmp, 128)), 15), add(mul(mload(add(tmp, 160)), 41), add(mul(mload(add(tmp, 192)), 16), add(mul(mload(add(tmp, 224)), 2), add(mul(mload(add(tmp, 256)), 28), add(mul(mload(add(tmp, 288)), 13), add(mul(mload(add(tmp, 320)), 13), mul(mload(add(tmp, 352)), 39))))))))))))))
        mstore(add(st, 128), e_red(add(mul(mload(add(tmp, 0)), 39), add(mul(mload(add(tmp, 32)), 18), add(mul(mload(add(tmp, 64)), 34), add(mul(mload(add(tmp, 96)), 20), add(mul(mload(add(tmp, 128)), 17), add(mul(mload(add(tmp, 160)), 15), add(mul(mload(add(tmp, 192)), 41), add(mul(mload(add(tmp, 224)), 16), add(mul(mload(add(tmp, 256)), 2), add(mul(mload(add(tmp, 288)), 28), add(mul(mload(add(tmp, 320)), 13), mul(mload(add(tmp, 352)), 13))))))))))))))
        mstore(add(st, 160), e_red(add(mul(mload(add(tmp, 0)), 13), add(mul(mload(add(tmp, 32)), 39), add(mul(mload(add(tmp, 64)), 18), add(mul(mload(add(tmp, 96)), 34), add(mul(mload(add(tmp, 128)), 20), add(mul(mload(add(tmp, 160)), 17), add(mul(mload(add(tmp, 192)), 15), add(mul(mload(add(tmp, 224)), 41), add(mul(mload(add(tmp, 256)), 16), add(mul(mload(add(tmp, 288)), 2), add(mul(mload(add(tmp, 320)), 28), mul(mload(add(tmp, 352)), 13))))))))))))))
        mstore(add(st, 192), e_red(add(mul(mload(add(tmp, 0)), 13), add(mul(mload(add(tmp, 32)), 13), add(mul(mload(add(tmp, 64)), 39), add(mul(mload(add(tmp, 96)), 18), add(mul(mload(add(tmp, 128)), 34), add(mul(mload(add(tmp, 160)), 20), add(mul(mload(add(tmp, 192)), 17), add(mul(mload(add(tmp, 224)), 15), add(mul(mload(add(tmp, 256)), 41), add(mul(mload(add(tmp, 288)), 16), add(mul(mload(add(tmp, 320)), 2), mul(mload(add(tmp, 352)), 28))))))))))))))
        mstore(add(st, 224), e_red(add(mul(mload(add(tmp, 0)), 28), add(mul(mload(add(tmp, 32)), 13), add(mul(mload(add(tmp, 64)), 13), add(mul(mload(add(tmp, 96)), 39), add(mul(mload(add(tmp, 128)), 18), add(mul(mload(add(tmp, 160)), 34), add(mul(mload(add(tmp, 192)), 20), add(mul(mload(add(tmp, 224)), 17), add(mul(mload(add(tmp, 256)), 15), add(mul(mload(add(tmp, 288)), 41), add(mul(mload(add(tmp, 320)), 16), mul(mload(add(tmp, 352)), 2))))))))))))))
        mstore(add(st, 256), e_red(add(mul(mload(add(tmp, 0)), 2), add(mul(mload(add(tmp, 32)), 28), add(mul(mload(add(tmp, 64)), 13), add(mul(mload(add(tmp, 96)), 13), add(mul(mload(add(tmp, 128)), 39), add(mul(mload(add(tmp, 160)), 18), add(mul(mload(add(tmp, 192)), 34), add(mul(mload(add(tmp, 224)), 20), add(mul(mload(add(tmp, 256)), 17), add(mul(mload(add(tmp, 288)), 15), add(mul(mload(add(tmp, 320)), 41), mul(mload(add(tmp, 352)), 16))))))))))))))
        mstore(add(st, 288), e_red(add(mul(mload(add(tmp, 0)), 16), add(mul(mload(add(tmp, 32)), 2), add(mul(mload(add(tmp, 64)), 28), add(mul(mload(add(tmp, 96)), 13), add(mul(mload(add(tmp, 128)), 13), add(mul(mload(add(tmp, 160)), 39), add(mul(mload(add(tmp, 192)), 18), add(mul(mload(add(tmp, 224)), 34), add(mul(mload(add(tmp, 256)), 20), add(mul(mload(add(tmp, 288)), 17), add(mul(mload(add(tmp, 320)), 15), mul(mload(add(tmp, 352)), 41))))))))))))))
        mstore(add(st, 320), e_red(add(mul(mload(add(tmp, 0)), 41), add(mul(mload(add(tmp, 32)), 16), add(mul(mload(add(tmp, 64)), 2), add(mul(mload(add(tmp, 96)), 28), add(mul(mload(add(tmp, 128)), 13), add(mul(mload(add(tmp, 160)), 13), add(mul(mload(add(tmp, 192)), 39), add(mul(mload(add(tmp, 224)), 18), add(mul(mload(add(tmp, 256)), 34), add(mul(mload(add(tmp, 288)), 20), add(mul(mload(add(tmp, 320)), 17), mul(mload(add(tmp, 352)), 15))))))))))))))
        mstore(add(st, 352), e_red(add(mul(mload(add(tmp, 0)), 15), add(mul(mload(add(tmp, 32)), 41), add(mul(mload(add(tmp, 64)), 16), add(mul(mload(add(tmp, 96)), 2), add(mul(mload(add(tmp, 128)), 28), add(mul(mload(add(tmp, 160)), 13), add(mul(mload(add(tmp, 192)), 13), add(mul(mload(add(tmp, 224)), 39), add(mul(mload(add(tmp, 256)), 18), add(mul(mload(add(tmp, 288)), 34), add(mul(mload(add(tmp, 320)), 20), mul(mload(add(tmp, 352)), 17))))))))))))))
        mstore(add(tmp, 0), e_add(mload(add(st, 0)), 0x3cc3f892184df408))
        mstore(add(tmp, 32), e_add(mload(add(st, 32)), 0xe993fd841e7e97f1))
        mstore(add(tmp, 64), e_add(mload(add(st, 64)), 0xf2831d3575f0f3af))
        mstore(add(tmp, 96), e_add(mload(add(st, 96)), 0xd2500e0a350994ca))
        mstore(add(tmp, 128), e_add(mload(add(st, 128)), 0xc5571f35d7288633))
        mstore(add(tmp, 160), e_add(mload(add(st, 160)), 0x91d89c5184109a02))
        mstore(add(tmp, 192), e_add(mload(add(st, 192)), 0xf37f925d04e5667b))
        mstore(add(tmp, 224), e_add(mload(add(st, 224)), 0x2d6e448371955a69))
        mstore(add(tmp, 256), e_add(mload(add(st, 256)), 0x740ef19ce01398a1))
        mstore(add(tmp, 288), e_add(mload(add(st, 288)), 0x694d24c0752fdf45))
        mstore(add(tmp, 320), e_add(mload(add(st, 320)), 0x60936af96ee2f148))
        mstore(add(tmp, 352), e_add(mload(add(st, 352)), 0xc33448feadc78f0c))
        mstore(add(st, 0), mload(add(tmp, 0)))
        mstore(add(st, 32), e_pack(mod(add(mul(and(mload(add(tmp, 32)), 0xffffffffffffffffffffffffffffffff), 0x80772dc2645b280b), add(mul(and(mload(add(tmp, 64)), 0xffffffffffffffffffffffffffffffff), 0xe796d293a47a64cb), add(mul(and(mload(add(tmp, 96)), 0xffffffffffffffffffffffffffffffff), 0xdcedab70f40718ba), add(mul(and(mload(add(tmp, 128)), 0xffffffffffffffffffffffffffffffff), 0xf4a437f2888ae909), add(mul(and(mload(add(tmp, 160)), 0xffffffffffffffffffffffffffffffff), 0xf97abba0dffb6c50), add(mul(and(mload(add(tmp, 192)), 0xffffffffffffffffffffffffffffffff), 0x7f8e41e0b0a6cdff), add(mul(and(mload(add(tmp, 224)), 0xffffffffffffffffffffffffffffffff), 0x726af914971c1374), add(mul(and(mload(add(tmp, 256)), 0xffffffffffffffffffffffffffffffff), 0x64dd936da878404d), add(mul(and(mload(add(tmp, 288)), 0xffffffffffffffffffffffffffffffff), 0x85418a9fef8a9890), add(mul(and(mload(add(tmp, 320)), 0xffffffffffffffffffffffffffffffff), 0x156048ee7a738154), mul(and(mload(add(tmp, 352)), 0xffffffffffffffffffffffffffffffff), 0xd841e8ef9dde8ba0))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, mload(add(tmp, 32))), 0x80772dc2645b280b), add(mul(shr(128, mload(add(tmp, 64))), 0xe796d293a47a64cb), add(mul(shr(128, mload(add(tmp, 96))), 0xdcedab70f40718ba), add(mul(shr(128, mload(add(tmp, 128))), 0xf4a437f2888ae909), add(mul(shr(128, mload(add(tmp, 160))), 0xf97abba0dffb6c50), add(mul(shr(128, mload(add(tmp, 192))), 0x7f8e41e0b0a6cdff), add(mul(shr(128, mload(add(tmp, 224))), 0x726af914971c1374), add(mul(shr(128, mload(add(tmp, 256))), 0x64dd936da878404d), add(mul(shr(128, mload(add(tmp, 288))), 0x85418a9fef8a9890), add(mul(shr(128, mload(add(tmp, 320))), 0x156048ee7a738154), mul(shr(128, mload(add(tmp, 352))), 0xd841e8ef9dde8ba0))))))))))), 0xffffffff00000001)))
        mstore(add(st, 64), e_pack(mod(add(mul(and(mload(add(tmp, 32)), 0xffffffffffffffffffffffffffffffff), 0xdc927721da922cf8), add(mul(and(mload(add(tmp, 64)), 0xffffffffffffffffffffffffffffffff), 0xb124c33152a2421a), add(mul(and(mload(add(tmp, 96)), 0xffffffffffffffffffffffffffffffff), 0x14a4a64da0b2668f), add(mul(and(mload(add(tmp, 128)), 0xffffffffffffffffffffffffffffffff), 0xc537d44dc2875403), add(mul(and(mload(add(tmp, 160)), 0xffffffffffffffffffffffffffffffff), 0x5e40f0c9bb82aab5), add(mul(and(mload(add(tmp, 192)), 0xffffffffffffffffffffffffffffffff), 0x4b1ba8d40afca97d), add(mul(and(mload(add(tmp, 224)), 0xffffffffffffffffffffffffffffffff), 0x1d7f8a2cce1a9d00), add(mul(and(mload(add(tmp, 256)), 0xffffffffffffffffffffffffffffffff), 0x4db9a2ead2bd7262), add(mul(and(mload(add(tmp, 288)), 0xffffffffffffffffffffffffffffffff), 0xd8a2eb7ef5e707ad), add(mul(and(mload(add(tmp, 320)), 0xffffffffffffffffffffffffffffffff), 0x91f7562377e81df5), mul(and(mload(add(tmp, 352)), 0xffffffffffffffffffffffffffffffff), 0x156048ee7a738154))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, mload(add(tmp, 32))), 0xdc927721da922cf8), add(mul(shr(128, mload(add(tmp, 64))), 0xb124c33152a2421a), add(mul(shr(128, mload(add(tmp, 96))), 0x14a4a64da0b2668f), add(mul(shr(128, mload(add(tmp, 128))), 0xc537d44dc2875403), add(mul(shr(128, mload(add(tmp, 160))), 0x5e40f0c9bb82aab5), add(mul(shr(128, mload(add(tmp, 192))), 0x4b1ba8d40afca97d), add(mul(shr(128, mload(add(tmp, 224))), 0x1d7f8a2cce1a9d00), add(mul(shr(128, mload(add(tmp, 256))), 0x4db9a2ead2bd7262), add(mul(shr(128, mload(add(tmp, 288))), 0xd8a2eb7ef5e707ad), add(mul(shr(128, mload(add(tmp, 320))), 0x91f7562377e81df5), mul(shr(128, mload(add(tmp, 352))), 0x156048ee7a738154))))))))))), 0xffffffff00000001)))
        mstore(add(st, 96), e_pack(mod(add(mul(and(mload(add(tmp, 32)), 0xffffffffffffffffffffffffffffffff), 0xc1978156516879ad), add(mul(and(mload(add(tmp, 64)), 0xffffffffffffffffffffffffffffffff), 0xee5dc0ce131268a), add(mul(and(mload(add(tmp, 96)), 0xffffffffffffffffffffffffffffffff), 0x4715b8e5ab34653b), add(mul(and(mload(add(tmp, 128)), 0xffffffffffffffffffffffffffffffff), 0x7f68007619fd8ba9), add(mul(and(mload(add(tmp, 160)), 0xffffffffffffffffffffffffffffffff), 0x5996a80497e24a6b), add(mul(and(mload(add(tmp, 192)), 0xffffffffffffffffffffffffffffffff), 0x623708f28fca70e8), add(mul(and(mload(add(tmp, 224)), 0xffffffffffffffffffffffffffffffff), 0x18737784700c75cd), add(mul(and(mload(add(tmp, 256)), 0xffffffffffffffffffffffffffffffff), 0xbe2e19f6d07f1a83), add(mul(and(mload(add(tmp, 288)), 0xffffffffffffffffffffffffffffffff), 0xbfe85ababed2d882), add(mul(and(mload(add(tmp, 320)), 0xffffffffffffffffffffffffffffffff), 0xd8a2eb7ef5e707ad), mul(and(mload(add(tmp, 352)), 0xffffffffffffffffffffffffffffffff), 0x85418a9fef8a9890))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, mload(add(tmp, 32))), 0xc1978156516879ad), add(mul(shr(128, mload(add(tmp, 64))), 0xee5dc0ce131268a), add(mul(shr(128, mload(add(tmp, 96))), 0x4715b8e5ab34653b), add(mul(shr(128, mload(add(tmp, 128))), 0x7f68007619fd8ba9), add(mul(shr(128, mload(add(tmp, 160))), 0x5996a80497e24a6b), add(mul(shr(128, mload(add(tmp, 192))), 0x623708f28fca70e8), add(mul(shr(128, mload(add(tmp, 224))), 0x18737784700c75cd), add(mul(shr(128, mload(add(tmp, 256))), 0xbe2e19f6d07f1a83), add(mul(shr(128, mload(add(tmp, 288))), 0xbfe85ababed2d882), add(mul(shr(128, mload(add(tmp, 320))), 0xd8a2eb7ef5e707ad), mul(shr(128, mload(add(tmp, 352))), 0x85418a9fef8a9890))))))))))), 0xffffffff00000001)))
        mstore(add(st, 128), e_pack(mod(add(mul(and(mload(add(tmp, 32)), 0xffffffffffffffffffffffffffffffff), 0x90e80c591f48b603), add(mul(and(mload(add(tmp, 64)), 0xffffffffffffffffffffffffffffffff), 0xa9032a52f930fae6), add(mul(and(mload(add(tmp, 96)), 0xffffffffffffffffffffffffffffffff), 0x1e8916a99c93a88e), add(mul(and(mload(add(tmp, 128)), 0xffffffffffffffffffffffffffffffff), 0xa4911db6a32612da), add(mul(and(mload(add(tmp, 160)), 0xffffffffffffffffffffffffffffffff), 0x7084430a7307c9a), add(mul(and(mload(add(tmp, 192)), 0xffffffffffffffffffffffffffffffff), 0xbf150dc4914d380f), add(mul(and(mload(add(tmp, 224)), 0xffffffffffffffffffffffffffffffff), 0x7fb45d605dd82838), add(mul(and(mload(add(tmp, 256)), 0xffffffffffffffffffffffffffffffff), 0x2290fe23c20351a), add(mul(and(mload(add(tmp, 288)), 0xffffffffffffffffffffffffffffffff), 0xbe2e19f6d07f1a83), add(mul(and(mload(add(tmp, 320)), 0xffffffffffffffffffffffffffffffff), 0x4db9a2ead2bd7262), mul(and(mload(add(tmp, 352)), 0xffffffffffffffffffffffffffffffff), 0x64dd936da878404d))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, mload(add(tmp, 32))), 0x90e80c591f48b603), add(mul(shr(128, mload(add(tmp, 64))), 0xa9032a52f930fae6), add(mul(shr(128, mload(add(tmp, 96))), 0x1e8916a99c93a88e), add(mul(shr(128, mload(add(tmp, 128))), 0xa4911db6a32612da), add(mul(shr(128, mload(add(tmp, 160))), 0x7084430a7307c9a), add(mul(shr(128, mload(add(tmp, 192))), 0xbf150dc4914d380f), add(mul(shr(128, mload(add(tmp, 224))), 0x7fb45d605dd82838), add(mul(shr(128, mload(add(tmp, 256))), 0x2290fe23c20351a), add(mul(shr(128, mload(add(tmp, 288))), 0xbe2e19f6d07f1a83), add(mul(shr(128, mload(add(tmp, 320))), 0x4db9a2ead2bd7262), mul(shr(128, mload(add(tmp, 352))), 0x64dd936da878404d))))))))))), 0xffffffff00000001)))
        mstore(add(st, 160), e_pack(mod(add(mul(and(mload(add(tmp, 32)), 0xffffffffffffffffffffffffffffffff), 0x3a2432625475e3ae), add(mul(and(mload(add(tmp, 64)), 0xffffffffffffffffffffffffffffffff), 0x7e33ca8c814280de), add(mul(and(mload(add(tmp, 96)), 0xffffffffffffffffffffffffffffffff), 0xbba4b5d86b9a3b2c), add(mul(and(mload(add(tmp, 128)), 0xffffffffffffffffffffffffffffffff), 0x2f7e9aade3fdaec1), add(mul(and(mload(add(tmp, 160)), 0xffffffffffffffffffffffffffffffff), 0xad2f570a5b8545aa), add(mul(and(mload(add(tmp, 192)), 0xffffffffffffffffffffffffffffffff), 0xc26a083554767106), add(mul(and(mload(add(tmp, 224)), 0xffffffffffffffffffffffffffffffff), 0x862361aeab0f9b6e), add(mul(and(mload(add(tmp, 256)), 0xffffffffffffffffffffffffffffffff), 0x7fb45d605dd82838), add(mul(and(mload(add(tmp, 288)), 0xffffffffffffffffffffffffffffffff), 0x18737784700c75cd), add(mul(and(mload(add(tmp, 320)), 0xffffffffffffffffffffffffffffffff), 0x1d7f8a2cce1a9d00), mul(and(mload(add(tmp, 352)), 0xffffffffffffffffffffffffffffffff), 0x726af914971c1374))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, mload(add(tmp, 32))), 0x3a2432625475e3ae), add(mul(shr(128, mload(add(tmp, 64))), 0x7e33ca8c814280de), add(mul(shr(128, mload(add(tmp, 96))), 0xbba4b5d86b9a3b2c), add(mul(shr(128, mload(add(tmp, 128))), 0x2f7e9aade3fdaec1), add(mul(shr(128, mload(add(tmp, 160))), 0xad2f570a5b8545aa), add(mul(shr(128, mload(add(tmp, 192))), 0xc26a083554767106), add(mul(shr(128, mload(add(tmp, 224))), 0x862361aeab0f9b6e), add(mul(shr(128, mload(add(tmp, 256))), 0x7fb45d605dd82838), add(mul(shr(128, mload(add(tmp, 288))), 0x18737784700c75cd), add(mul(shr(128, mload(add(tmp, 320))), 0x1d7f8a2cce1a9d00), mul(shr(128, mload(add(tmp, 352))), 0x726af914971c1374))))))))))), 0xffffffff00000001)))
        mstore(add(st, 192), e_pack(mod(add(mul(and(mload(add(tmp, 32)), 0xffffffffffffffffffffffffffffffff), 0xa2d4321cca94fe), add(mul(and(mload(add(tmp, 64)), 0xffffffffffffffffffffffffffffffff), 0xad11180f69a8c29e), add(mul(and(mload(add(tmp, 96)), 0xffffffffffffffffffffffffffffffff), 0xe76649f9bd5d5c2e), add(mul(and(mload(add(tmp, 128)), 0xffffffffffffffffffffffffffffffff), 0xe7ffd578da4ea43d), add(mul(and(mload(add(tmp, 160)), 0xffffffffffffffffffffffffffffffff), 0xab7f81fef4274770), add(mul(and(mload(add(tmp, 192)), 0xffffffffffffffffffffffffffffffff), 0x753b8b1126665c22), add(mul(and(mload(add(tmp, 224)), 0xffffffffffffffffffffffffffffffff), 0xc26a083554767106), add(mul(and(mload(add(tmp, 256)), 0xffffffffffffffffffffffffffffffff), 0xbf150dc4914d380f), add(mul(and(mload(add(tmp, 288)), 0xffffffffffffffffffffffffffffffff), 0x623708f28fca70e8), add(mul(and(mload(add(tmp, 320)), 0xffffffffffffffffffffffffffffffff), 0x4b1ba8d40afca97d), mul(and(mload(add(tmp, 352)), 0xffffffffffffffffffffffffffffffff), 0x7f8e41e0b0a6cdff))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, mload(add(tmp, 32))), 0xa2d4321cca94fe), add(mul(shr(128, mload(add(tmp, 64))), 0xad11180f69a8c29e), add(mul(shr(128, mload(add(tmp, 96))), 0xe76649f9bd5d5c2e), add(mul(shr(128, mload(add(tmp, 128))), 0xe7ffd578da4ea43d), add(mul(shr(128, mload(add(tmp, 160))), 0xab7f81fef4274770), add(mul(shr(128, mload(add(tmp, 192))), 0x753b8b1126665c22), add(mul(shr(128, mload(add(tmp, 224))), 0xc26a083554767106), add(mul(shr(128, mload(add(tmp, 256))), 0xbf150dc4914d380f), add(mul(shr(128, mload(add(tmp, 288))), 0x623708f28fca70e8), add(mul(shr(128, mload(add(tmp, 320))), 0x4b1ba8d40afca97d), mul(shr(128, mload(add(tmp, 352))), 0x7f8e41e0b0a6cdff))))))))))), 0xffffffff00000001)))
        mstore(add(st, 224), e_pack(mod(add(mul(and(mload(add(tmp, 32)), 0xffffffffffffffffffffffffffffffff), 0x77736f524010c932), add(mul(and(mload(add(tmp, 64)), 0xffffffffffffffffffffffffffffffff), 0xc75ac6d5b5a10ff3), add(mul(and(mload(add(tmp, 96)), 0xffffffffffffffffffffffffffffffff), 0xaf8e2518a1ece54d), add(mul(and(mload(add(tmp, 128)), 0xffffffffffffffffffffffffffffffff), 0x43a608e7afa6b5c2), add(mul(and(mload(add(tmp, 160)), 0xffffffffffffffffffffffffffffffff), 0xcb81f535cf98c9e9), add(mul(and(mload(add(tmp, 192)), 0xffffffffffffffffffffffffffffffff), 0xab7f81fef4274770), add(mul(and(mload(add(tmp, 224)), 0xffffffffffffffffffffffffffffffff), 0xad2f570a5b8545aa), add(mul(and(mload(add(tmp, 256)), 0xffffffffffffffffffffffffffffffff), 0x7084430a7307c9a), add(mul(and(mload(add(tmp, 288)), 0xffffffffffffffffffffffffffffffff), 0x5996a80497e24a6b), add(mul(and(mload(add(tmp, 320)), 0xffffffffffffffffffffffffffffffff), 0x5e40f0c9bb82aab5), mul(and(mload(add(tmp, 352)), 0xffffffffffffffffffffffffffffffff), 0xf97abba0dffb6c50))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, mload(add(tmp, 32))), 0x77736f524010c932), add(mul(shr(128, mload(add(tmp, 64))), 0xc75ac6d5b5a10ff3), add(mul(shr(128, mload(add(tmp, 96))), 0xaf8e2518a1ece54d), add(mul(shr(128, mload(add(tmp, 128))), 0x43a608e7afa6b5c2), add(mul(shr(128, mload(add(tmp, 160))), 0xcb81f535cf98c9e9), add(mul(shr(128, mload(add(tmp, 192))), 0xab7f81fef4274770), add(mul(shr(128, mload(add(tmp, 224))), 0xad2f570a5b8545aa), add(mul(shr(128, mload(add(tmp, 256))), 0x7084430a7307c9a), add(mul(shr(128, mload(add(tmp, 288))), 0x5996a80497e24a6b), add(mul(shr(128, mload(add(tmp, 320))), 0x5e40f0c9bb82aab5), mul(shr(128, mload(add(tmp, 352))), 0xf97abba0dffb6c50))))))))))), 0xffffffff00000001)))
        mstore(add(st, 256), e_pack(mod(add(mul(and(mload(add(tmp, 32)), 0xffffffffffffffffffffffffffffffff), 0x904d3f2804a36c54), add(mul(and(mload(add(tmp, 64)), 0xffffffffffffffffffffffffffffffff), 0xf0674a8dc5a387ec), add(mul(and(mload(add(tmp, 96)), 0xffffffffffffffffffffffffffffffff), 0xdcda1344cdca873f), add(mul(and(mload(add(tmp, 128)), 0xffffffffffffffffffffffffffffffff), 0xca46546aa99e1575), add(mul(and(mload(add(tmp, 160)), 0xffffffffffffffffffffffffffffffff), 0x43a608e7afa6b5c2), add(mul(and(mload(add(tmp, 192)), 0xffffffffffffffffffffffffffffffff), 0xe7ffd578da4ea43d), add(mul(and(mload(add(tmp, 224)), 0xffffffffffffffffffffffffffffffff), 0x2f7e9aade3fdaec1), add(mul(and(mload(add(tmp, 256)), 0xffffffffffffffffffffffffffffffff), 0xa4911db6a32612da), add(mul(and(mload(add(tmp, 288)), 0xffffffffffffffffffffffffffffffff), 0x7f68007619fd8ba9), add(mul(and(mload(add(tmp, 320)), 0xffffffffffffffffffffffffffffffff), 0xc537d44dc2875403), mul(and(mload(add(tmp, 352)), 0xffffffffffffffffffffffffffffffff), 0xf4a437f2888ae909))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, mload(add(tmp, 32))), 0x904d3f2804a36c54), add(mul(shr(128, mload(add(tmp, 64))), 0xf0674a8dc5a387ec), add(mul(shr(128, mload(add(tmp, 96))), 0xdcda1344cdca873f), add(mul(shr(128, mload(add(tmp, 128))), 0xca46546aa99e1575), add(mul(shr(128, mload(add(tmp, 160))), 0x43a608e7afa6b5c2), add(mul(shr(128, mload(add(tmp, 192))), 0xe7ffd578da4ea43d), add(mul(shr(128, mload(add(tmp, 224))), 0x2f7e9aade3fdaec1), add(mul(shr(128, mload(add(tmp, 256))), 0xa4911db6a32612da), add(mul(shr(128, mload(add(tmp, 288))), 0x7f68007619fd8ba9), add(mul(shr(128, mload(add(tmp, 320))), 0xc537d44dc2875403), mul(shr(128, mload(add(tmp, 352))), 0xf4a437f2888ae909))))))))))), 0xffffffff00000001)))
        mstore(add(st, 288), e_pack(mod(add(mul(and(mload(add(tmp, 32)), 0xffffffffffffffffffffffffffffffff), 0xbf9b39e28a16f354), add(mul(and(mload(add(tmp, 64)), 0xffffffffffffffffffffffffffffffff), 0xb36d43120eaa5e2b), add(mul(and(mload(add(tmp, 96)), 0xffffffffffffffffffffffffffffffff), 0xcd080204256088e5), add(mul(and(mload(add(tmp, 128)), 0xffffffffffffffffffffffffffffffff), 0xdcda1344cdca873f), add(mul(and(mload(add(tmp, 160)), 0xffffffffffffffffffffffffffffffff), 0xaf8e2518a1ece54d), add(mul(and(mload(add(tmp, 192)), 0xffffffffffffffffffffffffffffffff), 0xe76649f9bd5d5c2e), add(mul(and(mload(add(tmp, 224)), 0xffffffffffffffffffffffffffffffff), 0xbba4b5d86b9a3b2c), add(mul(and(mload(add(tmp, 256)), 0xffffffffffffffffffffffffffffffff), 0x1e8916a99c93a88e), add(mul(and(mload(add(tmp, 288)), 0xffffffffffffffffffffffffffffffff), 0x4715b8e5ab34653b), add(mul(and(mload(add(tmp, 320)), 0xffffffffffffffffffffffffffffffff), 0x14a4a64da0b2668f), mul(and(mload(add(tmp, 352)), 0xffffffffffffffffffffffffffffffff), 0xdcedab70f40718ba))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, mload(add(tmp, 32))), 0xbf9b39e28a16f354), add(mul(shr(128, mload(add(tmp, 64))), 0xb36d43120eaa5e2b), add(mul(shr(128, mload(add(tmp, 96))), 0xcd080204256088e5), add(mul(shr(128, mload(add(tmp, 128))), 0xdcda1344cdca873f), add(mul(shr(128, mload(add(tmp, 160))), 0xaf8e2518a1ece54d), add(mul(shr(128, mload(add(tmp, 192))), 0xe76649f9bd5d5c2e), add(mul(shr(128, mload(add(tmp, 224))), 0xbba4b5d86b9a3b2c), add(mul(shr(128, mload(add(tmp, 256))), 0x1e8916a99c93a88e), add(mul(shr(128, mload(add(tmp, 288))), 0x4715b8e5ab34653b), add(mul(shr(128, mload(add(tmp, 320))), 0x14a4a64da0b2668f), mul(shr(128, mload(add(tmp, 352))), 0xdcedab70f40718ba))))))))))), 0xffffffff00000001)))
        mstore(add(st, 320), e_pack(mod(add(mul(and(mload(add(tmp, 32)), 0xffffffffffffffffffffffffffffffff), 0x3a1ded54a6cd058b), add(mul(and(mload(add(tmp, 64)), 0xffffffffffffffffffffffffffffffff), 0x6f232aab4b533a25), add(mul(and(mload(add(tmp, 96)), 0xffffffffffffffffffffffffffffffff), 0xb36d43120eaa5e2b), add(mul(and(mload(add(tmp, 128)), 0xffffffffffffffffffffffffffffffff), 0xf0674a8dc5a387ec), add(mul(and(mload(add(tmp, 160)), 0xffffffffffffffffffffffffffffffff), 0xc75ac6d5b5a10ff3), add(mul(and(mload(add(tmp, 192)), 0xffffffffffffffffffffffffffffffff), 0xad11180f69a8c29e), add(mul(and(mload(add(tmp, 224)), 0xffffffffffffffffffffffffffffffff), 0x7e33ca8c814280de), add(mul(and(mload(add(tmp, 256)), 0xffffffffffffffffffffffffffffffff), 0xa9032a52f930fae6), add(mul(and(mload(add(tmp, 288)), 0xffffffffffffffffffffffffffffffff), 0xee5dc0ce131268a), add(mul(and(mload(add(tmp, 320)), 0xffffffffffffffffffffffffffffffff), 0xb124c33152a2421a), mul(and(mload(add(tmp, 352)), 0xffffffffffffffffffffffffffffffff), 0xe796d293a47a64cb))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, mload(add(tmp, 32))), 0x3a1ded54a6cd058b), add(mul(shr(128, mload(add(tmp, 64))), 0x6f232aab4b533a25), add(mul(shr(128, mload(add(tmp, 96))), 0xb36d43120eaa5e2b), add(mul(shr(128, mload(add(tmp, 128))), 0xf0674a8dc5a387ec), add(mul(shr(128, mload(add(tmp, 160))), 0xc75ac6d5b5a10ff3), add(mul(shr(128, mload(add(tmp, 192))), 0xad11180f69a8c29e), add(mul(shr(128, mload(add(tmp, 224))), 0x7e33ca8c814280de), add(mul(shr(128, mload(add(tmp, 256))), 0xa9032a52f930fae6), add(mul(shr(128, mload(add(tmp, 288))), 0xee5dc0ce131268a), add(mul(shr(128, mload(add(tmp, 320))), 0xb124c33152a2421a), mul(shr(128, mload(add(tmp, 352))), 0xe796d293a47a64cb))))))))))), 0xffffffff00000001)))
        mstore(add(st, 352), e_pack(mod(add(mul(and(mload(add(tmp, 32)), 0xffffffffffffffffffffffffffffffff), 0x42392870da5737cf), add(mul(and(mload(add(tmp, 64)), 0xffffffffffffffffffffffffffffffff), 0x3a1ded54a6cd058b), add(mul(and(mload(add(tmp, 96)), 0xffffffffffffffffffffffffffffffff), 0xbf9b39e28a16f354), add(mul(and(mload(add(tmp, 128)), 0xffffffffffffffffffffffffffffffff), 0x904d3f2804a36c54), add(mul(and(mload(add(tmp, 160)), 0xffffffffffffffffffffffffffffffff), 0x77736f524010c932), add(mul(and(mload(add(tmp, 192)), 0xffffffffffffffffffffffffffffffff), 0xa2d4321cca94fe), add(mul(and(mload(add(tmp, 224)), 0xffffffffffffffffffffffffffffffff), 0x3a2432625475e3ae), add(mul(and(mload(add(tmp, 256)), 0xffffffffffffffffffffffffffffffff), 0x90e80c591f48b603), add(mul(and(mload(add(tmp, 288)), 0xffffffffffffffffffffffffffffffff), 0xc1978156516879ad), add(mul(and(mload(add(tmp, 320)), 0xffffffffffffffffffffffffffffffff), 0xdc927721da922cf8), mul(and(mload(add(tmp, 352)), 0xffffffffffffffffffffffffffffffff), 0x80772dc2645b280b))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, mload(add(tmp, 32))), 0x42392870da5737cf), add(mul(shr(128, mload(add(tmp, 64))), 0x3a1ded54a6cd058b), add(mul(shr(128, mload(add(tmp, 96))), 0xbf9b39e28a16f354), add(mul(shr(128, mload(add(tmp, 128))), 0x904d3f2804a36c54), add(mul(shr(128, mload(add(tmp, 160))), 0x77736f524010c932), add(mul(shr(128, mload(add(tmp, 192))), 0xa2d4321cca94fe), add(mul(shr(128, mload(add(tmp, 224))), 0x3a2432625475e3ae), add(mul(shr(128, mload(add(tmp, 256))), 0x90e80c591f48b603), add(mul(shr(128, mload(add(tmp, 288))), 0xc1978156516879ad), add(mul(shr(128, mload(add(tmp, 320))), 0xdc927721da922cf8), mul(shr(128, mload(add(tmp, 352))), 0x80772dc2645b280b))))))))))), 0xffffffff00000001)))
        {
        mstore(add(out, 1312), e_sub(mload(add(st, 0)), mload(add(wires, 2080))))
        let s0_0 := e_add(e_sbox(mload(add(wires, 2080))), 0x74cb2e819ae421ab)
        let d_0 := e_pack(mod(add(mul(and(s0_0, 0xffffffffffffffffffffffffffffffff), 0x19), add(mul(and(mload(add(st, 32)), 0xffffffffffffffffffffffffffffffff), 0x3d999c961b7c63b0), add(mul(and(mload(add(st, 64)), 0xffffffffffffffffffffffffffffffff), 0x814e82efcd172529), add(mul(and(mload(add(st, 96)), 0xffffffffffffffffffffffffffffffff), 0x2421e5d236704588), add(mul(and(mload(add(st, 128)), 0xffffffffffffffffffffffffffffffff), 0x887af7d4dd482328), add(mul(and(mload(add(st, 160)), 0xffffffffffffffffffffffffffffffff), 0xa5e9c291f6119b27), add(mul(and(mload(add(st, 192)), 0xffffffffffffffffffffffffffffffff), 0xbdc52b2676a4b4aa), add(mul(and(mload(add(st, 224)), 0xffffffffffffffffffffffffffffffff), 0x64832009d29bcf57), add(mul(and(mload(add(st, 256)), 0xffffffffffffffffffffffffffffffff), 0x9c4155174a552cc), add(mul(and(mload(add(st, 288)), 0xffffffffffffffffffffffffffffffff), 0x463f9ee03d290810), add(mul(and(mload(add(st, 320)), 0xffffffffffffffffffffffffffffffff), 0xc810936e64982542), mul(and(mload(add(st, 352)), 0xffffffffffffffffffffffffffffffff), 0x43b1c289f7bc3ac)))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, s0_0), 0x19), add(mul(shr(128, mload(add(st, 32))), 0x3d999c961b7c63b0), add(mul(shr(128, mload(add(st, 64))), 0x814e82efcd172529), add(mul(shr(128, mload(add(st, 96))), 0x2421e5d236704588), add(mul(shr(128, mload(add(st, 128))), 0x887af7d4dd482328), add(mul(shr(128, mload(add(st, 160))), 0xa5e9c291f6119b27), add(mul(shr(128, mload(add(st, 192))), 0xbdc52b2676a4b4aa), add(mul(shr(128, mload(add(st, 224))), 0x64832009d29bcf57), add(mul(shr(128, mload(add(st, 256))), 0x9c4155174a552cc), add(mul(shr(128, mload(add(st, 288))), 0x463f9ee03d290810), add(mul(shr(128, mload(add(st, 320))), 0xc810936e64982542), mul(shr(128, mload(add(st, 352))), 0x43b1c289f7bc3ac)))))))))))), 0xffffffff00000001))
        mstore(add(st, 32), e_add(e_smul(s0_0, 0x94877900674181c3), mload(add(st, 32))))
        mstore(add(st, 64), e_add(e_smul(s0_0, 0xc6c67cc37a2a2bbd), mload(add(st, 64))))
        mstore(add(st, 96), e_add(e_smul(s0_0, 0xd667c2055387940f), mload(add(st, 96))))
        mstore(add(st, 128), e_add(e_smul(s0_0, 0xba63a63e94b5ff0), mload(add(st, 128))))
        mstore(add(st, 160), e_add(e_smul(s0_0, 0x99460cc41b8f079f), mload(add(st, 160))))
        mstore(add(st, 192), e_add(e_smul(s0_0, 0x7ff02375ed524bb3), mload(add(st, 192))))
        mstore(add(st, 224), e_add(e_smul(s0_0, 0xea0870b47a8caf0e), mload(add(st, 224))))
        mstore(add(st, 256), e_add(e_smul(s0_0, 0xabcad82633b7bc9d), mload(add(st, 256))))
        mstore(add(st, 288), e_add(e_smul(s0_0, 0x3b8d135261052241), mload(add(st, 288))))
        mstore(add(st, 320), e_add(e_smul(s0_0, 0xfb4515f5e5b0d539), mload(add(st, 320))))
        mstore(add(st, 352), e_add(e_smul(s0_0, 0x3ee8011c2b37f77c), mload(add(st, 352))))
        mstore(add(st, 0), d_0)
        }
        {
        mstore(add(out, 1344), e_sub(mload(add(st, 0)), mload(add(wires, 2112))))
        let s0_1 := e_add(e_sbox(mload(add(wires, 2112))), 0xd2559d2370e7f663)
        let d_1 := e_pack(mod(add(mul(and(s0_1, 0xffffffffffffffffffffffffffffffff), 0x19), add(mul(and(mload(add(st, 32)), 0xffffffffffffffffffffffffffffffff), 0x673655aae8be5a8b), add(mul(and(mload(add(st, 64)), 0xffffffffffffffffffffffffffffffff), 0xd510fe714f39fa10), add(mul(and(mload(add(st, 96)), 0xffffffffffffffffffffffffffffffff), 0x2c68a099b51c9e73), add(mul(and(mload(add(st, 128)), 0xffffffffffffffffffffffffffffffff), 0xa667bfa9aa96999d), add(mul(and(mload(add(st, 160)), 0xffffffffffffffffffffffffffffffff), 0x4d67e72f063e2108), add(mul(and(mload(add(st, 192)), 0xffffffffffffffffffffffffffffffff), 0xf84dde3e6acda179), add(mul(and(mload(add(st, 224)), 0xffffffffffffffffffffffffffffffff), 0x40f9cc8c08f80981), add(mul(and(mload(add(st, 256)), 0xffffffffffffffffffffffffffffffff), 0x5ead032050097142), add(mul(and(mload(add(st, 288)), 0xffffffffffffffffffffffffffffffff), 0x6591b02092d671bb), add(mul(and(mload(add(st, 320)), 0xffffffffffffffffffffffffffffffff), 0xe18c71963dd1b7), mul(and(mload(add(st, 352)), 0xffffffffffffffffffffffffffffffff), 0x8a21bcd24a14218a)))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, s0_1), 0x19), add(mul(shr(128, mload(add(st, 32))), 0x673655aae8be5a8b), add(mul(shr(128, mload(add(st, 64))), 0xd510fe714f39fa10), add(mul(shr(128, mload(add(st, 96))), 0x2c68a099b51c9e73), add(mul(shr(128, mload(add(st, 128))), 0xa667bfa9aa96999d), add(mul(shr(128, mload(add(st, 160))), 0x4d67e72f063e2108), add(mul(shr(128, mload(add(st, 192))), 0xf84dde3e6acda179), add(mul(shr(128, mload(add(st, 224))), 0x40f9cc8c08f80981), add(mul(shr(128, mload(add(st, 256))), 0x5ead032050097142), add(mul(shr(128, mload(add(st, 288))), 0x6591b02092d671bb), add(mul(shr(128, mload(add(st, 320))), 0xe18c71963dd1b7), mul(shr(128, mload(add(st, 352))), 0x8a21bcd24a14218a)))))))))))), 0xffffffff00000001))
        mstore(add(st, 32), e_add(e_smul(s0_1, 0xadef3740e71c726), mload(add(st, 32))))
        mstore(add(st, 64), e_add(e_smul(s0_1, 0xa37bf67c6f986559), mload(add(st, 64))))
        mstore(add(st, 96), e_add(e_smul(s0_1, 0xc6b16f7ed4fa1b00), mload(add(st, 96))))
        mstore(add(st, 128), e_add(e_smul(s0_1, 0x6a065da88d8bfc3c), mload(add(st, 128))))
        mstore(add(st, 160), e_add(e_smul(s0_1, 0x4cabc0916844b46f), mload(add(st, 160))))
        mstore(add(st, 192), e_add(e_smul(s0_1, 0x407faac0f02e78d1), mload(add(st, 192))))
        mstore(add(st, 224), e_add(e_smul(s0_1, 0x7a786d9cf0852cf), mload(add(st, 224))))
        mstore(add(st, 256), e_add(e_smul(s0_1, 0x42433fb6949a629a), mload(add(st, 256))))
        mstore(add(st, 288), e_add(e_smul(s0_1, 0x891682a147ce43b0), mload(add(st, 288))))
        mstore(add(st, 320), e_add(e_smul(s0_1, 0x26cfd58e7b003b55), mload(add(st, 320))))
        mstore(add(st, 352), e_add(e_smul(s0_1, 0x2bbf0ed7b657acb3), mload(add(st, 352))))
        mstore(add(st, 0), d_1)
        }
        {
        mstore(add(out, 1376), e_sub(mload(add(st, 0)), mload(add(wires, 2144))))
        let s0_2 := e_add(e_sbox(mload(add(wires, 2144))), 0x62bf78acf843d17c)
        let d_2 := e_pack(mod(add(mul(and(s0_2, 0xffffffffffffffffffffffffffffffff), 0x19), add(mul(and(mload(add(st, 32)), 0xffffffffffffffffffffffffffffffff), 0x202800f4addbdc87), add(mul(and(mload(add(st, 64)), 0xffffffffffffffffffffffffffffffff), 0xe4b5bdb1cc3504ff), add(mul(and(mload(add(st, 96)), 0xffffffffffffffffffffffffffffffff), 0xbe32b32a825596e7), add(mul(and(mload(add(st, 128)), 0xffffffffffffffffffffffffffffffff), 0x8e0f68c5dc223b9a), add(mul(and(mload(add(st, 160)), 0xffffffffffffffffffffffffffffffff), 0x58022d9e1c256ce3), add(mul(and(mload(add(st, 192)), 0xffffffffffffffffffffffffffffffff), 0x584d29227aa073ac), add(mul(and(mload(add(st, 224)), 0xffffffffffffffffffffffffffffffff), 0x8b9352ad04bef9e7), add(mul(and(mload(add(st, 256)), 0xffffffffffffffffffffffffffffffff), 0xaead42a3f445ecbf), add(mul(and(mload(add(st, 288)), 0xffffffffffffffffffffffffffffffff), 0x3c667a1d833a3cca), add(mul(and(mload(add(st, 320)), 0xffffffffffffffffffffffffffffffff), 0xda6f61838efa1ffe), mul(and(mload(add(st, 352)), 0xffffffffffffffffffffffffffffffff), 0xe8f749470bd7c446)))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, s0_2), 0x19), add(mul(shr(128, mload(add(st, 32))), 0x202800f4addbdc87), add(mul(shr(128, mload(add(st, 64))), 0xe4b5bdb1cc3504ff), add(mul(shr(128, mload(add(st, 96))), 0xbe32b32a825596e7), add(mul(shr(128, mload(add(st, 128))), 0x8e0f68c5dc223b9a), add(mul(shr(128, mload(add(st, 160))), 0x58022d9e1c256ce3), add(mul(shr(128, mload(add(st, 192))), 0x584d29227aa073ac), add(mul(shr(128, mload(add(st, 224))), 0x8b9352ad04bef9e7), add(mul(shr(128, mload(add(st, 256))), 0xaead42a3f445ecbf), add(mul(shr(128, mload(add(st, 288))), 0x3c667a1d833a3cca), add(mul(shr(128, mload(add(st, 320))), 0xda6f61838efa1ffe), mul(shr(128, mload(add(st, 352))), 0xe8f749470bd7c446)))))))))))), 0xffffffff00000001))
        mstore(add(st, 32), e_add(e_smul(s0_2, 0x481ac7746b159c67), mload(add(st, 32))))
        mstore(add(st, 64), e_add(e_smul(s0_2, 0xe367de32f108e278), mload(add(st, 64))))
        mstore(add(st, 96), e_add(e_smul(s0_2, 0x73f260087ad28bec), mload(add(st, 96))))
        mstore(add(st, 128), e_add(e_smul(s0_2, 0x5cfc82216bc1bdca), mload(add(st, 128))))
        mstore(add(st, 160), e_add(e_smul(s0_2, 0xcaccc870a2663a0e), mload(add(st, 160))))
        mstore(add(st, 192), e_add(e_smul(s0_2, 0xdb69cd7b4298c45d), mload(add(st, 192))))
        mstore(add(st, 224), e_add(e_smul(s0_2, 0x7bc9e0c57243e62d), mload(add(st, 224))))
        mstore(add(st, 256), e_add(e_smul(s0_2, 0x3cc51c5d368693ae), mload(add(st, 256))))
        mstore(add(st, 288), e_add(e_smul(s0_2, 0x366b4e8cc068895b), mload(add(st, 288))))
        mstore(add(st, 320), e_add(e_smul(s0_2, 0x2bd18715cdabbca4), mload(add(st, 320))))
        mstore(add(st, 352), e_add(e_smul(s0_2, 0xa752061c4f33b8cf), mload(add(st, 352))))
        mstore(add(st, 0), d_2)
        }
        {
        mstore(add(out, 1408), e_sub(mload(add(st, 0)), mload(add(wires, 2176))))
        let s0_3 := e_add(e_sbox(mload(add(wires, 2176))), 0xd5ab7b67e14d1fb4)
        let d_3 := e_pack(mod(add(mul(and(s0_3, 0xffffffffffffffffffffffffffffffff), 0x19), add(mul(and(mload(add(st, 32)), 0xffffffffffffffffffffffffffffffff), 0xc5b85bab9e5b3869), add(mul(and(mload(add(st, 64)), 0xffffffffffffffffffffffffffffffff), 0x45245258aec51cf7), add(mul(and(mload(add(st, 96)), 0xffffffffffffffffffffffffffffffff), 0x16e6b8e68b931830), add(mul(and(mload(add(st, 128)), 0xffffffffffffffffffffffffffffffff), 0xe2ae0f051418112c), add(mul(and(mload(add(st, 160)), 0xffffffffffffffffffffffffffffffff), 0x470e26a0093a65b), add(mul(and(mload(add(st, 192)), 0xffffffffffffffffffffffffffffffff), 0x6bef71973a8146ed), add(mul(and(mload(add(st, 224)), 0xffffffffffffffffffffffffffffffff), 0x119265be51812daf), add(mul(and(mload(add(st, 256)), 0xffffffffffffffffffffffffffffffff), 0xb0be7356254bea2e), add(mul(and(mload(add(st, 288)), 0xffffffffffffffffffffffffffffffff), 0x8584defff7589bd7), add(mul(and(mload(add(st, 320)), 0xffffffffffffffffffffffffffffffff), 0x3c5fe4aeb1fb52ba), mul(and(mload(add(st, 352)), 0xffffffffffffffffffffffffffffffff), 0x9e7cd88acf543a5e)))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, s0_3), 0x19), add(mul(shr(128, mload(add(st, 32))), 0xc5b85bab9e5b3869), add(mul(shr(128, mload(add(st, 64))), 0x45245258aec51cf7), add(mul(shr(128, mload(add(st, 96))), 0x16e6b8e68b931830), add(mul(shr(128, mload(add(st, 128))), 0xe2ae0f051418112c), add(mul(shr(128, mload(add(st, 160))), 0x470e26a0093a65b), add(mul(shr(128, mload(add(st, 192))), 0x6bef71973a8146ed), add(mul(shr(128, mload(add(st, 224))), 0x119265be51812daf), add(mul(shr(128, mload(add(st, 256))), 0xb0be7356254bea2e), add(mul(shr(128, mload(add(st, 288))), 0x8584defff7589bd7), add(mul(shr(128, mload(add(st, 320))), 0x3c5fe4aeb1fb52ba), mul(shr(128, mload(add(st, 352))), 0x9e7cd88acf543a5e)))))))))))), 0xffffffff00000001))
        mstore(add(st, 32), e_add(e_smul(s0_3, 0xb22d2432b72d5098), mload(add(st, 32))))
        mstore(add(st, 64), e_add(e_smul(s0_3, 0x9e18a487f44d2fe4), mload(add(st, 64))))
        mstore(add(st, 96), e_add(e_smul(s0_3, 0x4b39e14ce22abd3c), mload(add(st, 96))))
        mstore(add(st, 128), e_add(e_smul(s0_3, 0x9e77fde2eb315e0d), mload(add(st, 128))))
        mstore(add(st, 160), e_add(e_smul(s0_3, 0xca5e0385fe67014d), mload(add(st, 160))))
        mstore(add(st, 192), e_add(e_smul(s0_3, 0xc2cb99bf1b6bddb), mload(add(st, 192))))
        mstore(add(st, 224), e_add(e_smul(s0_3, 0x99ec1cd2a4460bfe), mload(add(st, 224))))
        mstore(add(st, 256), e_add(e_smul(s0_3, 0x8577a815a2ff843f), mload(add(st, 256))))
        mstore(add(st, 288), e_add(e_smul(s0_3, 0x7d80a6b4fd6518a5), mload(add(st, 288))))
        mstore(add(st, 320), e_add(e_smul(s0_3, 0xeb6c67123eab62cb), mload(add(st, 320))))
        mstore(add(st, 352), e_add(e_smul(s0_3, 0x8f7851650eca21a5), mload(add(st, 352))))
        mstore(add(st, 0), d_3)
        }
        {
        mstore(add(out, 1440), e_sub(mload(add(st, 0)), mload(add(wires, 2208))))
        let s0_4 := e_add(e_sbox(mload(add(wires, 2208))), 0xb9fe2ae6e0969bdc)
        let d_4 := e_pack(mod(add(mul(and(s0_4, 0xffffffffffffffffffffffffffffffff), 0x19), add(mul(and(mload(add(st, 32)), 0xffffffffffffffffffffffffffffffff), 0x179be4bba87f0a8c), add(mul(and(mload(add(st, 64)), 0xffffffffffffffffffffffffffffffff), 0xacf63d95d8887355), add(mul(and(mload(add(st, 96)), 0xffffffffffffffffffffffffffffffff), 0x6696670196b0074f), add(mul(and(mload(add(st, 128)), 0xffffffffffffffffffffffffffffffff), 0xd99ddf1fe75085f9), add(mul(and(mload(add(st, 160)), 0xffffffffffffffffffffffffffffffff), 0xc2597881fef0283b), add(mul(and(mload(add(st, 192)), 0xffffffffffffffffffffffffffffffff), 0xcf48395ee6c54f14), add(mul(and(mload(add(st, 224)), 0xffffffffffffffffffffffffffffffff), 0x15226a8e4cd8d3b6), add(mul(and(mload(add(st, 256)), 0xffffffffffffffffffffffffffffffff), 0xc053297389af5d3b), add(mul(and(mload(add(st, 288)), 0xffffffffffffffffffffffffffffffff), 0x2c08893f0d1580e2), add(mul(and(mload(add(st, 320)), 0xffffffffffffffffffffffffffffffff), 0xed3cbcff6fcc5ba), mul(and(mload(add(st, 352)), 0xffffffffffffffffffffffffffffffff), 0xc82f510ecf81f6d0)))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, s0_4), 0x19), add(mul(shr(128, mload(add(st, 32))), 0x179be4bba87f0a8c), add(mul(shr(128, mload(add(st, 64))), 0xacf63d95d8887355), add(mul(shr(128, mload(add(st, 96))), 0x6696670196b0074f), add(mul(shr(128, mload(add(st, 128))), 0xd99ddf1fe75085f9), add(mul(shr(128, mload(add(st, 160))), 0xc2597881fef0283b), add(mul(shr(128, mload(add(st, 192))), 0xcf48395ee6c54f14), add(mul(shr(128, mload(add(st, 224))), 0x15226a8e4cd8d3b6), add(mul(shr(128, mload(add(st, 256))), 0xc053297389af5d3b), add(mul(shr(128, mload(add(st, 288))), 0x2c08893f0d1580e2), add(mul(shr(128, mload(add(st, 320))), 0xed3cbcff6fcc5ba), mul(shr(128, mload(add(st, 352))), 0xc82f510ecf81f6d0)))))))))))), 0xffffffff00000001))
        mstore(add(st, 32), e_add(e_smul(s0_4, 0x11ba9a1b81718c2a), mload(add(st, 32))))
        mstore(add(st, 64), e_add(e_smul(s0_4, 0x9f7d798a3323410c), mload(add(st, 64))))
        mstore(add(st, 96), e_add(e_smul(s0_4, 0xa821855c8c1cf5e5), mload(add(st, 96))))
        mstore(add(st, 128), e_add(e_smul(s0_4, 0x535e8d6fac0031b2), mload(add(st, 128))))
        mstore(add(st, 160), e_add(e_smul(s0_4, 0x404e7c751b634320), mload(add(st, 160))))
        mstore(add(st, 192), e_add(e_smul(s0_4, 0xa729353f6e55d354), mload(add(st, 192))))
        mstore(add(st, 224), e_add(e_smul(s0_4, 0x4db97d92e58bb831), mload(add(st, 224))))
        mstore(add(st, 256), e_add(e_smul(s0_4, 0xb53926c27897bf7d), mload(add(st, 256))))
        mstore(add(st, 288), e_add(e_smul(s0_4, 0x965040d52fe115c5), mload(add(st, 288))))
        mstore(add(st, 320), e_add(e_smul(s0_4, 0x9565fa41ebd31fd7), mload(add(st, 320))))
        mstore(add(st, 352), e_add(e_smul(s0_4, 0xaae4438c877ea8f4), mload(add(st, 352))))
        mstore(add(st, 0), d_4)
        }
        {
        mstore(add(out, 1472), e_sub(mload(add(st, 0)), mload(add(wires, 2240))))
        let s0_5 := e_add(e_sbox(mload(add(wires, 2240))), 0xe33fdf79f92a10e8)
        let d_5 := e_pack(mod(add(mul(and(s0_5, 0xffffffffffffffffffffffffffffffff), 0x19), add(mul(and(mload(add(st, 32)), 0xffffffffffffffffffffffffffffffff), 0x94b06183acb715cc), add(mul(and(mload(add(st, 64)), 0xffffffffffffffffffffffffffffffff), 0x500392ed0d431137), add(mul(and(mload(add(st, 96)), 0xffffffffffffffffffffffffffffffff), 0x861cc95ad5c86323), add(mul(and(mload(add(st, 128)), 0xffffffffffffffffffffffffffffffff), 0x5830a443f86c4ac), add(mul(and(mload(add(st, 160)), 0xffffffffffffffffffffffffffffffff), 0x3b68225874a20a7c), add(mul(and(mload(add(st, 192)), 0xffffffffffffffffffffffffffffffff), 0x10b3309838e236fb), add(mul(and(mload(add(st, 224)), 0xffffffffffffffffffffffffffffffff), 0x9b77fc8bcd559e2c), add(mul(and(mload(add(st, 256)), 0xffffffffffffffffffffffffffffffff), 0xbdecf5e0cb9cb213), add(mul(and(mload(add(st, 288)), 0xffffffffffffffffffffffffffffffff), 0x30276f1221ace5fa), add(mul(and(mload(add(st, 320)), 0xffffffffffffffffffffffffffffffff), 0x7935dd342764a144), mul(and(mload(add(st, 352)), 0xffffffffffffffffffffffffffffffff), 0xeac6db520bb03708)))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, s0_5), 0x19), add(mul(shr(128, mload(add(st, 32))), 0x94b06183acb715cc), add(mul(shr(128, mload(add(st, 64))), 0x500392ed0d431137), add(mul(shr(128, mload(add(st, 96))), 0x861cc95ad5c86323), add(mul(shr(128, mload(add(st, 128))), 0x5830a443f86c4ac), add(mul(shr(128, mload(add(st, 160))), 0x3b68225874a20a7c), add(mul(shr(128, mload(add(st, 192))), 0x10b3309838e236fb), add(mul(shr(128, mload(add(st, 224))), 0x9b77fc8bcd559e2c), add(mul(shr(128, mload(add(st, 256))), 0xbdecf5e0cb9cb213), add(mul(shr(128, mload(add(st, 288))), 0x30276f1221ace5fa), add(mul(shr(128, mload(add(st, 320))), 0x7935dd342764a144), mul(shr(128, mload(add(st, 352))), 0xeac6db520bb03708)))))))))))), 0xffffffff00000001))
        mstore(add(st, 32), e_add(e_smul(s0_5, 0x37f4e36af6073c6e), mload(add(st, 32))))
        mstore(add(st, 64), e_add(e_smul(s0_5, 0x4edc0918210800e9), mload(add(st, 64))))
        mstore(add(st, 96), e_add(e_smul(s0_5, 0xc44998e99eae4188), mload(add(st, 96))))
        mstore(add(st, 128), e_add(e_smul(s0_5, 0x9f4310d05d068338), mload(add(st, 128))))
        mstore(add(st, 160), e_add(e_smul(s0_5, 0x9ec7fe4350680f29), mload(add(st, 160))))
        mstore(add(st, 192), e_add(e_smul(s0_5, 0xc5b2c1fdc0b50874), mload(add(st, 192))))
        mstore(add(st, 224), e_add(e_smul(s0_5, 0xa01920c5ef8b2ebe), mload(add(st, 224))))
        mstore(add(st, 256), e_add(e_smul(s0_5, 0x59fa6f8bd91d58ba), mload(add(st, 256))))
        mstore(add(st, 288), e_add(e_smul(s0_5, 0x8bfc9eb89b515a82), mload(add(st, 288))))
        mstore(add(st, 320), e_add(e_smul(s0_5, 0xbe86a7a2555ae775), mload(add(st, 320))))
        mstore(add(st, 352), e_add(e_smul(s0_5, 0xcbb8bbaa3810babf), mload(add(st, 352))))
        mstore(add(st, 0), d_5)
        }
        {
        mstore(add(out, 1504), e_sub(mload(add(st, 0)), mload(add(wires, 2272))))
        let s0_6 := e_add(e_sbox(mload(add(wires, 2272))), 0xea2bb4c2b25989b)
        let d_6 := e_pack(mod(add(mul(and(s0_6, 0xffffffffffffffffffffffffffffffff), 0x19), add(mul(and(mload(add(st, 32)), 0xffffffffffffffffffffffffffffffff), 0x7186a80551025f8f), add(mul(and(mload(add(st, 64)), 0xffffffffffffffffffffffffffffffff), 0x622247557e9b5371), add(mul(and(mload(add(st, 96)), 0xffffffffffffffffffffffffffffffff), 0xc4cbe326d1ad9742), add(mul(and(mload(add(st, 128)), 0xffffffffffffffffffffffffffffffff), 0x55f1523ac6a23ea2), add(mul(and(mload(add(st, 160)), 0xffffffffffffffffffffffffffffffff), 0xa13dfe77a3d52f53), add(mul(and(mload(add(st, 192)), 0xffffffffffffffffffffffffffffffff), 0xe30750b6301c0452), add(mul(and(mload(add(st, 224)), 0xffffffffffffffffffffffffffffffff), 0x8bd488070a3a32b), add(mul(and(mload(add(st, 256)), 0xffffffffffffffffffffffffffffffff), 0xcd800caef5b72ae3), add(mul(and(mload(add(st, 288)), 0xffffffffffffffffffffffffffffffff), 0x83329c90f04233ce), add(mul(and(mload(add(st, 320)), 0xffffffffffffffffffffffffffffffff), 0xb5b99e6664a0a3ee), mul(and(mload(add(st, 352)), 0xffffffffffffffffffffffffffffffff), 0x6b0731849e200a7f)))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, s0_6), 0x19), add(mul(shr(128, mload(add(st, 32))), 0x7186a80551025f8f), add(mul(shr(128, mload(add(st, 64))), 0x622247557e9b5371), add(mul(shr(128, mload(add(st, 96))), 0xc4cbe326d1ad9742), add(mul(shr(128, mload(add(st, 128))), 0x55f1523ac6a23ea2), add(mul(shr(128, mload(add(st, 160))), 0xa13dfe77a3d52f53), add(mul(shr(128, mload(add(st, 192))), 0xe30750b6301c0452), add(mul(shr(128, mload(add(st, 224))), 0x8bd488070a3a32b), add(mul(shr(128, mload(add(st, 256))), 0xcd800caef5b72ae3), add(mul(shr(128, mload(add(st, 288))), 0x83329c90f04233ce), add(mul(shr(128, mload(add(st, 320))), 0xb5b99e6664a0a3ee), mul(shr(128, mload(add(st, 352))), 0x6b0731849e200a7f)))))))))))), 0xffffffff00000001))
        mstore(add(st, 32), e_add(e_smul(s0_6, 0x577f9a9e7ee3f9c2), mload(add(st, 32))))
        mstore(add(st, 64), e_add(e_smul(s0_6, 0x88c522b949ace7b1), mload(add(st, 64))))
        mstore(add(st, 96), e_add(e_smul(s0_6, 0x82f07007c8b72106), mload(add(st, 96))))
        mstore(add(st, 128), e_add(e_smul(s0_6, 0x8283d37c6675b50e), mload(add(st, 128))))
        mstore(add(st, 160), e_add(e_smul(s0_6, 0x98b074d9bbac1123), mload(add(st, 160))))
        mstore(add(st, 192), e_add(e_smul(s0_6, 0x75c56fb7758317c1), mload(add(st, 192))))
        mstore(add(st, 224), e_add(e_smul(s0_6, 0xfed24e206052bc72), mload(add(st, 224))))
        mstore(add(st, 256), e_add(e_smul(s0_6, 0x26d7c3d1bc07dae5), mload(add(st, 256))))
        mstore(add(st, 288), e_add(e_smul(s0_6, 0xf88c5e441e28dbb4), mload(add(st, 288))))
        mstore(add(st, 320), e_add(e_smul(s0_6, 0x4fe27f9f96615270), mload(add(st, 320))))
        mstore(add(st, 352), e_add(e_smul(s0_6, 0x514d4ba49c2b14fe), mload(add(st, 352))))
        mstore(add(st, 0), d_6)
        }
        {
        mstore(add(out, 1536), e_sub(mload(add(st, 0)), mload(add(wires, 2304))))
        let s0_7 := e_add(e_sbox(mload(add(wires, 2304))), 0xca9121fbf9d38f06)
        let d_7 := e_pack(mod(add(mul(and(s0_7, 0xffffffffffffffffffffffffffffffff), 0x19), add(mul(and(mload(add(st, 32)), 0xffffffffffffffffffffffffffffffff), 0xec3fabc192b01799), add(mul(and(mload(add(st, 64)), 0xffffffffffffffffffffffffffffffff), 0x382b38cee8ee5375), add(mul(and(mload(add(st, 96)), 0xffffffffffffffffffffffffffffffff), 0x3bfb6c3f0e616572), add(mul(and(mload(add(st, 128)), 0xffffffffffffffffffffffffffffffff), 0x514abd0cf6c7bc86), add(mul(and(mload(add(st, 160)), 0xffffffffffffffffffffffffffffffff), 0x47521b1361dcc546), add(mul(and(mload(add(st, 192)), 0xffffffffffffffffffffffffffffffff), 0x178093843f863d14), add(mul(and(mload(add(st, 224)), 0xffffffffffffffffffffffffffffffff), 0xad1003c5d28918e7), add(mul(and(mload(add(st, 256)), 0xffffffffffffffffffffffffffffffff), 0x738450e42495bc81), add(mul(and(mload(add(st, 288)), 0xffffffffffffffffffffffffffffffff), 0xaf947c59af5e4047), add(mul(and(mload(add(st, 320)), 0xffffffffffffffffffffffffffffffff), 0x4653fb0685084ef2), mul(and(mload(add(st, 352)), 0xffffffffffffffffffffffffffffffff), 0x57fde2062ae35bf)))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, s0_7), 0x19), add(mul(shr(128, mload(add(st, 32))), 0xec3fabc192b01799), add(mul(shr(128, mload(add(st, 64))), 0x382b38cee8ee5375), add(mul(shr(128, mload(add(st, 96))), 0x3bfb6c3f0e616572), add(mul(shr(128, mload(add(st, 128))), 0x514abd0cf6c7bc86), add(mul(shr(128, mload(add(st, 160))), 0x47521b1361dcc546), add(mul(shr(128, mload(add(st, 192))), 0x178093843f863d14), add(mul(shr(128, mload(add(st, 224))), 0xad1003c5d28918e7), add(mul(shr(128, mload(add(st, 256))), 0x738450e42495bc81), add(mul(shr(128, mload(add(st, 288))), 0xaf947c59af5e4047), add(mul(shr(128, mload(add(st, 320))), 0x4653fb0685084ef2), mul(shr(128, mload(add(st, 352))), 0x57fde2062ae35bf)))))))))))), 0xffffffff00000001))
        mstore(add(st, 32), e_add(e_smul(s0_7, 0xf02a3ac068ee110b), mload(add(st, 32))))
        mstore(add(st, 64), e_add(e_smul(s0_7, 0xa3630dafb8ae2d7), mload(add(st, 64))))
        mstore(add(st, 96), e_add(e_smul(s0_7, 0xce0dc874eaf9b55c), mload(add(st, 96))))
        mstore(add(st, 128), e_add(e_smul(s0_7, 0x9a95f6cff5b55c7e), mload(add(st, 128))))
        mstore(add(st, 160), e_add(e_smul(s0_7, 0x626d76abfed00c7b), mload(add(st, 160))))
        mstore(add(st, 192), e_add(e_smul(s0_7, 0xa0c1cf1251c204ad), mload(add(st, 192))))
        mstore(add(st, 224), e_add(e_smul(s0_7, 0xdaebd3006321052c), mload(add(st, 224))))
        mstore(add(st, 256), e_add(e_smul(s0_7, 0x3d4bd48b625a8065), mload(add(st, 256))))
        mstore(add(st, 288), e_add(e_smul(s0_7, 0x7f1e584e071f6ed2), mload(add(st, 288))))
        mstore(add(st, 320), e_add(e_smul(s0_7, 0x720574f0501caed3), mload(add(st, 320))))
        mstore(add(st, 352), e_add(e_smul(s0_7, 0xe3260ba93d23540a), mload(add(st, 352))))
        mstore(add(st, 0), d_7)
        }
        {
        mstore(add(out, 1568), e_sub(mload(add(st, 0)), mload(add(wires, 2336))))
        let s0_8 := e_add(e_sbox(mload(add(wires, 2336))), 0xbdd9b0aa81f58fa4)
        let d_8 := e_pack(mod(add(mul(and(s0_8, 0xffffffffffffffffffffffffffffffff), 0x19), add(mul(and(mload(add(st, 32)), 0xffffffffffffffffffffffffffffffff), 0xe376678d843ce55e), add(mul(and(mload(add(st, 64)), 0xffffffffffffffffffffffffffffffff), 0x66f3860d7514e7fc), add(mul(and(mload(add(st, 96)), 0xffffffffffffffffffffffffffffffff), 0x7817f3dfff8b4ffa), add(mul(and(mload(add(st, 128)), 0xffffffffffffffffffffffffffffffff), 0x3929624a9def725b), add(mul(and(mload(add(st, 160)), 0xffffffffffffffffffffffffffffffff), 0x126ca37f215a80a), add(mul(and(mload(add(st, 192)), 0xffffffffffffffffffffffffffffffff), 0xfce2f5d02762a303), add(mul(and(mload(add(st, 224)), 0xffffffffffffffffffffffffffffffff), 0x1bc927375febbad7), add(mul(and(mload(add(st, 256)), 0xffffffffffffffffffffffffffffffff), 0x85b481e5243f60bf), add(mul(and(mload(add(st, 288)), 0xffffffffffffffffffffffffffffffff), 0x2d3c5f42a39c91a0), add(mul(and(mload(add(st, 320)), 0xffffffffffffffffffffffffffffffff), 0x811719919351ae8), mul(and(mload(add(st, 352)), 0xffffffffffffffffffffffffffffffff), 0xf669de0add993131)))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, s0_8), 0x19), add(mul(shr(128, mload(add(st, 32))), 0xe376678d843ce55e), add(mul(shr(128, mload(add(st, 64))), 0x66f3860d7514e7fc), add(mul(shr(128, mload(add(st, 96))), 0x7817f3dfff8b4ffa), add(mul(shr(128, mload(add(st, 128))), 0x3929624a9def725b), add(mul(shr(128, mload(add(st, 160))), 0x126ca37f215a80a), add(mul(shr(128, mload(add(st, 192))), 0xfce2f5d02762a303), add(mul(shr(128, mload(add(st, 224))), 0x1bc927375febbad7), add(mul(shr(128, mload(add(st, 256))), 0x85b481e5243f60bf), add(mul(shr(128, mload(add(st, 288))), 0x2d3c5f42a39c91a0), add(mul(shr(128, mload(add(st, 320))), 0x811719919351ae8), mul(shr(128, mload(add(st, 352))), 0xf669de0add993131)))))))))))), 0xffffffff00000001))
        mstore(add(st, 32), e_add(e_smul(s0_8, 0xab1cbd41d8c1e335), mload(add(st, 32))))
        mstore(add(st, 64), e_add(e_smul(s0_8, 0x9322ed4c0bc2df01), mload(add(st, 64))))
        mstore(add(st, 96), e_add(e_smul(s0_8, 0x51c3c0983d4284e5), mload(add(st, 96))))
        mstore(add(st, 128), e_add(e_smul(s0_8, 0x94178e291145c231), mload(add(st, 128))))
        mstore(add(st, 160), e_add(e_smul(s0_8, 0xfd0f1a973d6b2085), mload(add(st, 160))))
        mstore(add(st, 192), e_add(e_smul(s0_8, 0xd427ad96e2b39719), mload(add(st, 192))))
        mstore(add(st, 224), e_add(e_smul(s0_8, 0x8a52437fecaac06b), mload(add(st, 224))))
        mstore(add(st, 256), e_add(e_smul(s0_8, 0xdc20ee4b8c4c9a80), mload(add(st, 256))))
        mstore(add(st, 288), e_add(e_smul(s0_8, 0xa2c98e9549da2100), mload(add(st, 288))))
        mstore(add(st, 320), e_add(e_smul(s0_8, 0x1603fe12613db5b6), mload(add(st, 320))))
        mstore(add(st, 352), e_add(e_smul(s0_8, 0xe174929433c5505), mload(add(st, 352))))
        mstore(add(st, 0), d_8)
        }
        {
        mstore(add(out, 1600), e_sub(mload(add(st, 0)), mload(add(wires, 2368))))
        let s0_9 := e_add(e_sbox(mload(add(wires, 2368))), 0x83079fa4ecf20d7e)
        let d_9 := e_pack(mod(add(mul(and(s0_9, 0xffffffffffffffffffffffffffffffff), 0x19), add(mul(and(mload(add(st, 32)), 0xffffffffffffffffffffffffffffffff), 0x7de38bae084da92d), add(mul(and(mload(add(st, 64)), 0xffffffffffffffffffffffffffffffff), 0x5b848442237e8a9b), add(mul(and(mload(add(st, 96)), 0xffffffffffffffffffffffffffffffff), 0xf6c705da84d57310), add(mul(and(mload(add(st, 128)), 0xffffffffffffffffffffffffffffffff), 0x31e6a4bdb6a49017), add(mul(and(mload(add(st, 160)), 0xffffffffffffffffffffffffffffffff), 0x889489706e5c5c0f), add(mul(and(mload(add(st, 192)), 0xffffffffffffffffffffffffffffffff), 0xe4a205459692a1b), add(mul(and(mload(add(st, 224)), 0xffffffffffffffffffffffffffffffff), 0xbac3fa75ee26f299), add(mul(and(mload(add(st, 256)), 0xffffffffffffffffffffffffffffffff), 0x5f5894f4057d755e), add(mul(and(mload(add(st, 288)), 0xffffffffffffffffffffffffffffffff), 0xb0dc3ecd724bb076), add(mul(and(mload(add(st, 320)), 0xffffffffffffffffffffffffffffffff), 0x5e34d8554a6452ba), mul(and(mload(add(st, 352)), 0xffffffffffffffffffffffffffffffff), 0x4f78fd8c1fdcc5f)))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, s0_9), 0x19), add(mul(shr(128, mload(add(st, 32))), 0x7de38bae084da92d), add(mul(shr(128, mload(add(st, 64))), 0x5b848442237e8a9b), add(mul(shr(128, mload(add(st, 96))), 0xf6c705da84d57310), add(mul(shr(128, mload(add(st, 128))), 0x31e6a4bdb6a49017), add(mul(shr(128, mload(add(st, 160))), 0x889489706e5c5c0f), add(mul(shr(128, mload(add(st, 192))), 0xe4a205459692a1b), add(mul(shr(128, mload(add(st, 224))), 0xbac3fa75ee26f299), add(mul(shr(128, mload(add(st, 256))), 0x5f5894f4057d755e), add(mul(shr(128, mload(add(st, 288))), 0xb0dc3ecd724bb076), add(mul(shr(128, mload(add(st, 320))), 0x5e34d8554a6452ba), mul(shr(128, mload(add(st, 352))), 0x4f78fd8c1fdcc5f)))))))))))), 0xffffffff00000001))
        mstore(add(st, 32), e_add(e_smul(s0_9, 0x3d4eab2b8ef5f796), mload(add(st, 32))))
        mstore(add(st, 64), e_add(e_smul(s0_9, 0xcfff421583896e22), mload(add(st, 64))))
        mstore(add(st, 96), e_add(e_smul(s0_9, 0x4143cb32d39ac3d9), mload(add(st, 96))))
        mstore(add(st, 128), e_add(e_smul(s0_9, 0x22365051b78a5b65), mload(add(st, 128))))
        mstore(add(st, 160), e_add(e_smul(s0_9, 0x6f7fd010d027c9b6), mload(add(st, 160))))
        mstore(add(st, 192), e_add(e_smul(s0_9, 0xd9dd36fba77522ab), mload(add(st, 192))))
        mstore(add(st, 224), e_add(e_smul(s0_9, 0xa44cf1cb33e37165), mload(add(st, 224))))
        mstore(add(st, 256), e_add(e_smul(s0_9, 0x3fc83d3038c86417), mload(add(st, 256))))
        mstore(add(st, 288), e_add(e_smul(s0_9, 0xc4588d418e88d270), mload(add(st, 288))))
        mstore(add(st, 320), e_add(e_smul(s0_9, 0xce1320f10ab80fe2), mload(add(st, 320))))
        mstore(add(st, 352), e_add(e_smul(s0_9, 0xdb5eadbbec18de5d), mload(add(st, 352))))
        mstore(add(st, 0), d_9)
        }
        {
        mstore(add(out, 1632), e_sub(mload(add(st, 0)), mload(add(wires, 2400))))
        let s0_10 := e_add(e_sbox(mload(add(wires, 2400))), 0x650b838edfcc4ad3)
        let d_10 := e_pack(mod(add(mul(and(s0_10, 0xffffffffffffffffffffffffffffffff), 0x19), add(mul(and(mload(add(st, 32)), 0xffffffffffffffffffffffffffffffff), 0x4dd19c38779512ea), add(mul(and(mload(add(st, 64)), 0xffffffffffffffffffffffffffffffff), 0xdb79ba02704620e9), add(mul(and(mload(add(st, 96)), 0xffffffffffffffffffffffffffffffff), 0x92a29a3675a5d2be), add(mul(and(mload(add(st, 128)), 0xffffffffffffffffffffffffffffffff), 0xd5177029fe495166), add(mul(and(mload(add(st, 160)), 0xffffffffffffffffffffffffffffffff), 0xd32b3298a13330c1), add(mul(and(mload(add(st, 192)), 0xffffffffffffffffffffffffffffffff), 0x251c4a3eb2c5f8fd), add(mul(and(mload(add(st, 224)), 0xffffffffffffffffffffffffffffffff), 0xe1c48b26e0d98825), add(mul(and(mload(add(st, 256)), 0xffffffffffffffffffffffffffffffff), 0x3301d3362a4ffccb), add(mul(and(mload(add(st, 288)), 0xffffffffffffffffffffffffffffffff), 0x9bb6c88de8cd178), add(mul(and(mload(add(st, 320)), 0xffffffffffffffffffffffffffffffff), 0xdc05b676564f538a), mul(and(mload(add(st, 352)), 0xffffffffffffffffffffffffffffffff), 0x60192d883e473fee)))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, s0_10), 0x19), add(mul(shr(128, mload(add(st, 32))), 0x4dd19c38779512ea), add(mul(shr(128, mload(add(st, 64))), 0xdb79ba02704620e9), add(mul(shr(128, mload(add(st, 96))), 0x92a29a3675a5d2be), add(mul(shr(128, mload(add(st, 128))), 0xd5177029fe495166), add(mul(shr(128, mload(add(st, 160))), 0xd32b3298a13330c1), add(mul(shr(128, mload(add(st, 192))), 0x251c4a3eb2c5f8fd), add(mul(shr(128, mload(add(st, 224))), 0xe1c48b26e0d98825), add(mul(shr(128, mload(add(st, 256))), 0x3301d3362a4ffccb), add(mul(shr(128, mload(add(st, 288))), 0x9bb6c88de8cd178), add(mul(shr(128, mload(add(st, 320))), 0xdc05b676564f538a), mul(shr(128, mload(add(st, 352))), 0x60192d883e473fee)))))))))))), 0xffffffff00000001))
        mstore(add(st, 32), e_add(e_smul(s0_10, 0x1183dfce7c454afd), mload(add(st, 32))))
        mstore(add(st, 64), e_add(e_smul(s0_10, 0x21cea4aa3d3ed949), mload(add(st, 64))))
        mstore(add(st, 96), e_add(e_smul(s0_10, 0xfce6f70303f2304), mload(add(st, 96))))
        mstore(add(st, 128), e_add(e_smul(s0_10, 0x19557d34b55551be), mload(add(st, 128))))
        mstore(add(st, 160), e_add(e_smul(s0_10, 0x4c56f689afc5bbc9), mload(add(st, 160))))
        mstore(add(st, 192), e_add(e_smul(s0_10, 0xa1e920844334f944), mload(add(st, 192))))
        mstore(add(st, 224), e_add(e_smul(s0_10, 0xbad66d423d2ec861), mload(add(st, 224))))
        mstore(add(st, 256), e_add(e_smul(s0_10, 0xf318c785dc9e0479), mload(add(st, 256))))
        mstore(add(st, 288), e_add(e_smul(s0_10, 0x99e2032e765ddd81), mload(add(st, 288))))
        mstore(add(st, 320), e_add(e_smul(s0_10, 0x400ccc9906d66f45), mload(add(st, 320))))
        mstore(add(st, 352), e_add(e_smul(s0_10, 0xe1197454db2e0dd9), mload(add(st, 352))))
        mstore(add(st, 0), d_10)
        }
        {
        mstore(add(out, 1664), e_sub(mload(add(st, 0)), mload(add(wires, 2432))))
        let s0_11 := e_add(e_sbox(mload(add(wires, 2432))), 0x77180c88583c76ac)
        let d_11 := e_pack(mod(add(mul(and(s0_11, 0xffffffffffffffffffffffffffffffff), 0x19), add(mul(and(mload(add(st, 32)), 0xffffffffffffffffffffffffffffffff), 0x16b9774801ac44a0), add(mul(and(mload(add(st, 64)), 0xffffffffffffffffffffffffffffffff), 0x3cb8411e786d3c8e), add(mul(and(mload(add(st, 96)), 0xffffffffffffffffffffffffffffffff), 0xa86e9cf505072491), add(mul(and(mload(add(st, 128)), 0xffffffffffffffffffffffffffffffff), 0x178928152e109ae), add(mul(and(mload(add(st, 160)), 0xffffffffffffffffffffffffffffffff), 0x5317b905a6e1ab7b), add(mul(and(mload(add(st, 192)), 0xffffffffffffffffffffffffffffffff), 0xda20b3be7f53d59f), add(mul(and(mload(add(st, 224)), 0xffffffffffffffffffffffffffffffff), 0xcb97dedecebee9ad), add(mul(and(mload(add(st, 256)), 0xffffffffffffffffffffffffffffffff), 0x4bd545218c59f58d), add(mul(and(mload(add(st, 288)), 0xffffffffffffffffffffffffffffffff), 0x77dc8d856c05a44a), add(mul(and(mload(add(st, 320)), 0xffffffffffffffffffffffffffffffff), 0x87948589e4f243fd), mul(and(mload(add(st, 352)), 0xffffffffffffffffffffffffffffffff), 0x7e5217af969952c2)))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, s0_11), 0x19), add(mul(shr(128, mload(add(st, 32))), 0x16b9774801ac44a0), add(mul(shr(128, mload(add(st, 64))), 0x3cb8411e786d3c8e), add(mul(shr(128, mload(add(st, 96))), 0xa86e9cf505072491), add(mul(shr(128, mload(add(st, 128))), 0x178928152e109ae), add(mul(shr(128, mload(add(st, 160))), 0x5317b905a6e1ab7b), add(mul(shr(128, mload(add(st, 192))), 0xda20b3be7f53d59f), add(mul(shr(128, mload(add(st, 224))), 0xcb97dedecebee9ad), add(mul(shr(128, mload(add(st, 256))), 0x4bd545218c59f58d), add(mul(shr(128, mload(add(st, 288))), 0x77dc8d856c05a44a), add(mul(shr(128, mload(add(st, 320))), 0x87948589e4f243fd), mul(shr(128, mload(add(st, 352))), 0x7e5217af969952c2)))))))))))), 0xffffffff00000001))
        mstore(add(st, 32), e_add(e_smul(s0_11, 0x84d1ecc4d53d2ff1), mload(add(st, 32))))
        mstore(add(st, 64), e_add(e_smul(s0_11, 0xd8af8b9ceb4e11b6), mload(add(st, 64))))
        mstore(add(st, 96), e_add(e_smul(s0_11, 0x335856bb527b52f4), mload(add(st, 96))))
        mstore(add(st, 128), e_add(e_smul(s0_11, 0xc756f17fb59be595), mload(add(st, 128))))
        mstore(add(st, 160), e_add(e_smul(s0_11, 0xc0654e4ea5553a78), mload(add(st, 160))))
        mstore(add(st, 192), e_add(e_smul(s0_11, 0x9e9a46b61f2ea942), mload(add(st, 192))))
        mstore(add(st, 224), e_add(e_smul(s0_11, 0x14fc8b5b3b809127), mload(add(st, 224))))
        mstore(add(st, 256), e_add(e_smul(s0_11, 0xd7009f0f103be413), mload(add(st, 256))))
        mstore(add(st, 288), e_add(e_smul(s0_11, 0x3e0ee7b7a9fb4601), mload(add(st, 288))))
        mstore(add(st, 320), e_add(e_smul(s0_11, 0xa74e888922085ed7), mload(add(st, 320))))
        mstore(add(st, 352), e_add(e_smul(s0_11, 0xe80a7cde3d4ac526), mload(add(st, 352))))
        mstore(add(st, 0), d_11)
        }
        {
        mstore(add(out, 1696), e_sub(mload(add(st, 0)), mload(add(wires, 2464))))
        let s0_12 := e_add(e_sbox(mload(add(wires, 2464))), 0xaf8c20753143a180)
        let d_12 := e_pack(mod(add(mul(and(s0_12, 0xffffffffffffffffffffffffffffffff), 0x19), add(mul(and(mload(add(st, 32)), 0xffffffffffffffffffffffffffffffff), 0xbc58987d06a84e4d), add(mul(and(mload(add(st, 64)), 0xffffffffffffffffffffffffffffffff), 0xb5d420244c9cae3), add(mul(and(mload(add(st, 96)), 0xffffffffffffffffffffffffffffffff), 0xa3c4711b938c02c0), add(mul(and(mload(add(st, 128)), 0xffffffffffffffffffffffffffffffff), 0x3aace640a3e03990), add(mul(and(mload(add(st, 160)), 0xffffffffffffffffffffffffffffffff), 0x865a0f3249aacd8a), add(mul(and(mload(add(st, 192)), 0xffffffffffffffffffffffffffffffff), 0x8d00b2a7dbed06c7), add(mul(and(mload(add(st, 224)), 0xffffffffffffffffffffffffffffffff), 0x6eacb905beb7e2f8), add(mul(and(mload(add(st, 256)), 0xffffffffffffffffffffffffffffffff), 0x45322b216ec3ec7), add(mul(and(mload(add(st, 288)), 0xffffffffffffffffffffffffffffffff), 0xeb9de00d594828e6), add(mul(and(mload(add(st, 320)), 0xffffffffffffffffffffffffffffffff), 0x88c5f20df9e5c26), mul(and(mload(add(st, 352)), 0xffffffffffffffffffffffffffffffff), 0xf555f4112b19781f)))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, s0_12), 0x19), add(mul(shr(128, mload(add(st, 32))), 0xbc58987d06a84e4d), add(mul(shr(128, mload(add(st, 64))), 0xb5d420244c9cae3), add(mul(shr(128, mload(add(st, 96))), 0xa3c4711b938c02c0), add(mul(shr(128, mload(add(st, 128))), 0x3aace640a3e03990), add(mul(shr(128, mload(add(st, 160))), 0x865a0f3249aacd8a), add(mul(shr(128, mload(add(st, 192))), 0x8d00b2a7dbed06c7), add(mul(shr(128, mload(add(st, 224))), 0x6eacb905beb7e2f8), add(mul(shr(128, mload(add(st, 256))), 0x45322b216ec3ec7), add(mul(shr(128, mload(add(st, 288))), 0xeb9de00d594828e6), add(mul(shr(128, mload(add(st, 320))), 0x88c5f20df9e5c26), mul(shr(128, mload(add(st, 352))), 0xf555f4112b19781f)))))))))))), 0xffffffff00000001))
        mstore(add(st, 32), e_add(e_smul(s0_12, 0x238aa6daa612186d), mload(add(st, 32))))
        mstore(add(st, 64), e_add(e_smul(s0_12, 0x9137a5c630bad4b4), mload(add(st, 64))))
        mstore(add(st, 96), e_add(e_smul(s0_12, 0xc7db3817870c5eda), mload(add(st, 96))))
        mstore(add(st, 128), e_add(e_smul(s0_12, 0x217e4f04e5718dc9), mload(add(st, 128))))
        mstore(add(st, 160), e_add(e_smul(s0_12, 0xcae814e2817bd99d), mload(add(st, 160))))
        mstore(add(st, 192), e_add(e_smul(s0_12, 0xe3292e7ab770a8ba), mload(add(st, 192))))
        mstore(add(st, 224), e_add(e_smul(s0_12, 0x7bb36ef70b6b9482), mload(add(st, 224))))
        mstore(add(st, 256), e_add(e_smul(s0_12, 0x3c7835fb85bca2d3), mload(add(st, 256))))
        mstore(add(st, 288), e_add(e_smul(s0_12, 0xfe2cdf8ee3c25e86), mload(add(st, 288))))
        mstore(add(st, 320), e_add(e_smul(s0_12, 0x61b3915ad7274b20), mload(add(st, 320))))
        mstore(add(st, 352), e_add(e_smul(s0_12, 0xeab75ca7c918e4ef), mload(add(st, 352))))
        mstore(add(st, 0), d_12)
        }
        {
        mstore(add(out, 1728), e_sub(mload(add(st, 0)), mload(add(wires, 2496))))
        let s0_13 := e_add(e_sbox(mload(add(wires, 2496))), 0xb8ccfe9989a39175)
        let d_13 := e_pack(mod(add(mul(and(s0_13, 0xffffffffffffffffffffffffffffffff), 0x19), add(mul(and(mload(add(st, 32)), 0xffffffffffffffffffffffffffffffff), 0xa8cedbff1813d3a7), add(mul(and(mload(add(st, 64)), 0xffffffffffffffffffffffffffffffff), 0x50dcaee0fd27d164), add(mul(and(mload(add(st, 96)), 0xffffffffffffffffffffffffffffffff), 0xf1cb02417e23bd82), add(mul(and(mload(add(st, 128)), 0xffffffffffffffffffffffffffffffff), 0xfaf322786e2abe8b), add(mul(and(mload(add(st, 160)), 0xffffffffffffffffffffffffffffffff), 0x937a4315beb5d9b6), add(mul(and(mload(add(st, 192)), 0xffffffffffffffffffffffffffffffff), 0x1b18992921a11d85), add(mul(and(mload(add(st, 224)), 0xffffffffffffffffffffffffffffffff), 0x7d66c4368b3c497b), add(mul(and(mload(add(st, 256)), 0xffffffffffffffffffffffffffffffff), 0xe7946317a6b4e99), add(mul(and(mload(add(st, 288)), 0xffffffffffffffffffffffffffffffff), 0xbe4430134182978b), add(mul(and(mload(add(st, 320)), 0xffffffffffffffffffffffffffffffff), 0x3771e82493ab262d), mul(and(mload(add(st, 352)), 0xffffffffffffffffffffffffffffffff), 0xa671690d8095ce82)))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, s0_13), 0x19), add(mul(shr(128, mload(add(st, 32))), 0xa8cedbff1813d3a7), add(mul(shr(128, mload(add(st, 64))), 0x50dcaee0fd27d164), add(mul(shr(128, mload(add(st, 96))), 0xf1cb02417e23bd82), add(mul(shr(128, mload(add(st, 128))), 0xfaf322786e2abe8b), add(mul(shr(128, mload(add(st, 160))), 0x937a4315beb5d9b6), add(mul(shr(128, mload(add(st, 192))), 0x1b18992921a11d85), add(mul(shr(128, mload(add(st, 224))), 0x7d66c4368b3c497b), add(mul(shr(128, mload(add(st, 256))), 0xe7946317a6b4e99), add(mul(shr(128, mload(add(st, 288))), 0xbe4430134182978b), add(mul(shr(128, mload(add(st, 320))), 0x3771e82493ab262d), mul(shr(128, mload(add(st, 352))), 0xa671690d8095ce82)))))))))))), 0xffffffff00000001))
        mstore(add(st, 32), e_add(e_smul(s0_13, 0xd6e15ffc055e154e), mload(add(st, 32))))
        mstore(add(st, 64), e_add(e_smul(s0_13, 0xec67881f381a32bf), mload(add(st, 64))))
        mstore(add(st, 96), e_add(e_smul(s0_13, 0xfbb1196092bf409c), mload(add(st, 96))))
        mstore(add(st, 128), e_add(e_smul(s0_13, 0xdc9d2e07830ba226), mload(add(st, 128))))
        mstore(add(st, 160), e_add(e_smul(s0_13, 0x698ef3245ff7988), mload(add(st, 160))))
        mstore(add(st, 192), e_add(e_smul(s0_13, 0x194fae2974f8b576), mload(add(st, 192))))
        mstore(add(st, 224), e_add(e_smul(s0_13, 0x7a5d9bea6ca4910e), mload(add(st, 224))))
        mstore(add(st, 256), e_add(e_smul(s0_13, 0x7aebfea95ccdd1c9), mload(add(st, 256))))
        mstore(add(st, 288), e_add(e_smul(s0_13, 0xf9bd38a67d5f0e86), mload(add(st, 288))))
        mstore(add(st, 320), e_add(e_smul(s0_13, 0xfa65539de65492d8), mload(add(st, 320))))
        mstore(add(st, 352), e_add(e_smul(s0_13, 0xf0dfcbe7653ff787), mload(add(st, 352))))
        mstore(add(st, 0), d_13)
        }
        {
        mstore(add(out, 1760), e_sub(mload(add(st, 0)), mload(add(wires, 2528))))
        let s0_14 := e_add(e_sbox(mload(add(wires, 2528))), 0x954a1729f60cc9c5)
        let d_14 := e_pack(mod(add(mul(and(s0_14, 0xffffffffffffffffffffffffffffffff), 0x19), add(mul(and(mload(add(st, 32)), 0xffffffffffffffffffffffffffffffff), 0xb035585f6e929d9d), add(mul(and(mload(add(st, 64)), 0xffffffffffffffffffffffffffffffff), 0xba1579c7e219b954), add(mul(and(mload(add(st, 96)), 0xffffffffffffffffffffffffffffffff), 0xcb201cf846db4ba3), add(mul(and(mload(add(st, 128)), 0xffffffffffffffffffffffffffffffff), 0x287bf9177372cf45), add(mul(and(mload(add(st, 160)), 0xffffffffffffffffffffffffffffffff), 0xa350e4f61147d0a6), add(mul(and(mload(add(st, 192)), 0xffffffffffffffffffffffffffffffff), 0xd5d0ecfb50bcff99), add(mul(and(mload(add(st, 224)), 0xffffffffffffffffffffffffffffffff), 0x2e166aa6c776ed21), add(mul(and(mload(add(st, 256)), 0xffffffffffffffffffffffffffffffff), 0xe1e66c991990e282), add(mul(and(mload(add(st, 288)), 0xffffffffffffffffffffffffffffffff), 0x662b329b01e7bb38), add(mul(and(mload(add(st, 320)), 0xffffffffffffffffffffffffffffffff), 0x8aa674b36144d9a9), mul(and(mload(add(st, 352)), 0xffffffffffffffffffffffffffffffff), 0xcbabf78f97f95e65)))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, s0_14), 0x19), add(mul(shr(128, mload(add(st, 32))), 0xb035585f6e929d9d), add(mul(shr(128, mload(add(st, 64))), 0xba1579c7e219b954), add(mul(shr(128, mload(add(st, 96))), 0xcb201cf846db4ba3), add(mul(shr(128, mload(add(st, 128))), 0x287bf9177372cf45), add(mul(shr(128, mload(add(st, 160))), 0xa350e4f61147d0a6), add(mul(shr(128, mload(add(st, 192))), 0xd5d0ecfb50bcff99), add(mul(shr(128, mload(add(st, 224))), 0x2e166aa6c776ed21), add(mul(shr(128, mload(add(st, 256))), 0xe1e66c991990e282), add(mul(shr(128, mload(add(st, 288))), 0x662b329b01e7bb38), add(mul(shr(128, mload(add(st, 320))), 0x8aa674b36144d9a9), mul(shr(128, mload(add(st, 352))), 0xcbabf78f97f95e65)))))))))))), 0xffffffff00000001))
        mstore(add(st, 32), e_add(e_smul(s0_14, 0xbd87ad390420258), mload(add(st, 32))))
        mstore(add(st, 64), e_add(e_smul(s0_14, 0xad8617bca9e33c8), mload(add(st, 64))))
        mstore(add(st, 96), e_add(e_smul(s0_14, 0xc00ad377a1e2666), mload(add(st, 96))))
        mstore(add(st, 128), e_add(e_smul(s0_14, 0xac6fc58b3f0518f), mload(add(st, 128))))
        mstore(add(st, 160), e_add(e_smul(s0_14, 0xc0cc8a892cc4173), mload(add(st, 160))))
        mstore(add(st, 192), e_add(e_smul(s0_14, 0xc210accb117bc21), mload(add(st, 192))))
        mstore(add(st, 224), e_add(e_smul(s0_14, 0xb73630dbb46ca18), mload(add(st, 224))))
        mstore(add(st, 256), e_add(e_smul(s0_14, 0xc8be4920cbd4a54), mload(add(st, 256))))
        mstore(add(st, 288), e_add(e_smul(s0_14, 0xbfe877a21be1690), mload(add(st, 288))))
        mstore(add(st, 320), e_add(e_smul(s0_14, 0xae790559b0ded81), mload(add(st, 320))))
        mstore(add(st, 352), e_add(e_smul(s0_14, 0xbf50db2f8d6ce31), mload(add(st, 352))))
        mstore(add(st, 0), d_14)
        }
        {
        mstore(add(out, 1792), e_sub(mload(add(st, 0)), mload(add(wires, 2560))))
        let s0_15 := e_add(e_sbox(mload(add(wires, 2560))), 0xdeb5b550c4dca53b)
        let d_15 := e_pack(mod(add(mul(and(s0_15, 0xffffffffffffffffffffffffffffffff), 0x19), add(mul(and(mload(add(st, 32)), 0xffffffffffffffffffffffffffffffff), 0xeec24b15a06b53fe), add(mul(and(mload(add(st, 64)), 0xffffffffffffffffffffffffffffffff), 0xc8a7aa07c5633533), add(mul(and(mload(add(st, 96)), 0xffffffffffffffffffffffffffffffff), 0xefe9c6fa4311ad51), add(mul(and(mload(add(st, 128)), 0xffffffffffffffffffffffffffffffff), 0xb9173f13977109a1), add(mul(and(mload(add(st, 160)), 0xffffffffffffffffffffffffffffffff), 0x69ce43c9cc94aedc), add(mul(and(mload(add(st, 192)), 0xffffffffffffffffffffffffffffffff), 0xecf623c9cd118815), add(mul(and(mload(add(st, 224)), 0xffffffffffffffffffffffffffffffff), 0x28625def198c33c7), add(mul(and(mload(add(st, 256)), 0xffffffffffffffffffffffffffffffff), 0xccfc5f7de5c3636a), add(mul(and(mload(add(st, 288)), 0xffffffffffffffffffffffffffffffff), 0xf5e6c40f1621c299), add(mul(and(mload(add(st, 320)), 0xffffffffffffffffffffffffffffffff), 0xcec0e58c34cb64b1), mul(and(mload(add(st, 352)), 0xffffffffffffffffffffffffffffffff), 0xa868ea113387939f)))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, s0_15), 0x19), add(mul(shr(128, mload(add(st, 32))), 0xeec24b15a06b53fe), add(mul(shr(128, mload(add(st, 64))), 0xc8a7aa07c5633533), add(mul(shr(128, mload(add(st, 96))), 0xefe9c6fa4311ad51), add(mul(shr(128, mload(add(st, 128))), 0xb9173f13977109a1), add(mul(shr(128, mload(add(st, 160))), 0x69ce43c9cc94aedc), add(mul(shr(128, mload(add(st, 192))), 0xecf623c9cd118815), add(mul(shr(128, mload(add(st, 224))), 0x28625def198c33c7), add(mul(shr(128, mload(add(st, 256))), 0xccfc5f7de5c3636a), add(mul(shr(128, mload(add(st, 288))), 0xf5e6c40f1621c299), add(mul(shr(128, mload(add(st, 320))), 0xcec0e58c34cb64b1), mul(shr(128, mload(add(st, 352))), 0xa868ea113387939f)))))))))))), 0xffffffff00000001))
        mstore(add(st, 32), e_add(e_smul(s0_15, 0xcf29427ff7c58), mload(add(st, 32))))
        mstore(add(st, 64), e_add(e_smul(s0_15, 0xbd9b3cf49eec8), mload(add(st, 64))))
        mstore(add(st, 96), e_add(e_smul(s0_15, 0xd1dc8aa81fb26), mload(add(st, 96))))
        mstore(add(st, 128), e_add(e_smul(s0_15, 0xbc792d5c394ef), mload(add(st, 128))))
        mstore(add(st, 160), e_add(e_smul(s0_15, 0xd2ae0b2266453), mload(add(st, 160))))
        mstore(add(st, 192), e_add(e_smul(s0_15, 0xd413f12c496c1), mload(add(st, 192))))
        mstore(add(st, 224), e_add(e_smul(s0_15, 0xc84128cfed618), mload(add(st, 224))))
        mstore(add(st, 256), e_add(e_smul(s0_15, 0xdb5ebd48fc0d4), mload(add(st, 256))))
        mstore(add(st, 288), e_add(e_smul(s0_15, 0xd1b77326dcb90), mload(add(st, 288))))
        mstore(add(st, 320), e_add(e_smul(s0_15, 0xbeb0ccc145421), mload(add(st, 320))))
        mstore(add(st, 352), e_add(e_smul(s0_15, 0xd10e5b22b11d1), mload(add(st, 352))))
        mstore(add(st, 0), d_15)
        }
        {
        mstore(add(out, 1824), e_sub(mload(add(st, 0)), mload(add(wires, 2592))))
        let s0_16 := e_add(e_sbox(mload(add(wires, 2592))), 0xf01bb0b00f77011e)
        let d_16 := e_pack(mod(add(mul(and(s0_16, 0xffffffffffffffffffffffffffffffff), 0x19), add(mul(and(mload(add(st, 32)), 0xffffffffffffffffffffffffffffffff), 0xd8dddbdc5ce4ef45), add(mul(and(mload(add(st, 64)), 0xffffffffffffffffffffffffffffffff), 0xacfc51de8131458c), add(mul(and(mload(add(st, 96)), 0xffffffffffffffffffffffffffffffff), 0x146bb3c0fe499ac0), add(mul(and(mload(add(st, 128)), 0xffffffffffffffffffffffffffffffff), 0x9e65309f15943903), add(mul(and(mload(add(st, 160)), 0xffffffffffffffffffffffffffffffff), 0x80d0ad980773aa70), add(mul(and(mload(add(st, 192)), 0xffffffffffffffffffffffffffffffff), 0xf97817d4ddbf0607), add(mul(and(mload(add(st, 224)), 0xffffffffffffffffffffffffffffffff), 0xe4626620a75ba276), add(mul(and(mload(add(st, 256)), 0xffffffffffffffffffffffffffffffff), 0xdfdc7fd6fc74f66), add(mul(and(mload(add(st, 288)), 0xffffffffffffffffffffffffffffffff), 0xf464864ad6f2bb93), add(mul(and(mload(add(st, 320)), 0xffffffffffffffffffffffffffffffff), 0x2d55e52a5d44414), mul(and(mload(add(st, 352)), 0xffffffffffffffffffffffffffffffff), 0xdd8de62487c40925)))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, s0_16), 0x19), add(mul(shr(128, mload(add(st, 32))), 0xd8dddbdc5ce4ef45), add(mul(shr(128, mload(add(st, 64))), 0xacfc51de8131458c), add(mul(shr(128, mload(add(st, 96))), 0x146bb3c0fe499ac0), add(mul(shr(128, mload(add(st, 128))), 0x9e65309f15943903), add(mul(shr(128, mload(add(st, 160))), 0x80d0ad980773aa70), add(mul(shr(128, mload(add(st, 192))), 0xf97817d4ddbf0607), add(mul(shr(128, mload(add(st, 224))), 0xe4626620a75ba276), add(mul(shr(128, mload(add(st, 256))), 0xdfdc7fd6fc74f66), add(mul(shr(128, mload(add(st, 288))), 0xf464864ad6f2bb93), add(mul(shr(128, mload(add(st, 320))), 0x2d55e52a5d44414), mul(shr(128, mload(add(st, 352))), 0xdd8de62487c40925)))))))))))), 0xffffffff00000001))
        mstore(add(st, 32), e_add(e_smul(s0_16, 0xe24c99adad8), mload(add(st, 32))))
        mstore(add(st, 64), e_add(e_smul(s0_16, 0xcf389ed4bc8), mload(add(st, 64))))
        mstore(add(st, 96), e_add(e_smul(s0_16, 0xe580cbf6966), mload(add(st, 96))))
        mstore(add(st, 128), e_add(e_smul(s0_16, 0xcde5fd7e04f), mload(add(st, 128))))
        mstore(add(st, 160), e_add(e_smul(s0_16, 0xe63628041b3), mload(add(st, 160))))
        mstore(add(st, 192), e_add(e_smul(s0_16, 0xe7e81a87361), mload(add(st, 192))))
        mstore(add(st, 224), e_add(e_smul(s0_16, 0xdabe78f6d98), mload(add(st, 224))))
        mstore(add(st, 256), e_add(e_smul(s0_16, 0xefb14cac554), mload(add(st, 256))))
        mstore(add(st, 288), e_add(e_smul(s0_16, 0xe5574743b10), mload(add(st, 288))))
        mstore(add(st, 320), e_add(e_smul(s0_16, 0xd05709f42c1), mload(add(st, 320))))
        mstore(add(st, 352), e_add(e_smul(s0_16, 0xe4690c96af1), mload(add(st, 352))))
        mstore(add(st, 0), d_16)
        }
        {
        mstore(add(out, 1856), e_sub(mload(add(st, 0)), mload(add(wires, 2624))))
        let s0_17 := e_add(e_sbox(mload(add(wires, 2624))), 0xa1ebb404b676afd9)
        let d_17 := e_pack(mod(add(mul(and(s0_17, 0xffffffffffffffffffffffffffffffff), 0x19), add(mul(and(mload(add(st, 32)), 0xffffffffffffffffffffffffffffffff), 0xc15acf44759545a3), add(mul(and(mload(add(st, 64)), 0xffffffffffffffffffffffffffffffff), 0xcbfdcf39869719d4), add(mul(and(mload(add(st, 96)), 0xffffffffffffffffffffffffffffffff), 0x33f62042e2f80225), add(mul(and(mload(add(st, 128)), 0xffffffffffffffffffffffffffffffff), 0x2599c5ead81d8fa3), add(mul(and(mload(add(st, 160)), 0xffffffffffffffffffffffffffffffff), 0xb306cb6c1d7c8d0), add(mul(and(mload(add(st, 192)), 0xffffffffffffffffffffffffffffffff), 0x658c80d3df3729b1), add(mul(and(mload(add(st, 224)), 0xffffffffffffffffffffffffffffffff), 0xe8d1b2b21b41429c), add(mul(and(mload(add(st, 256)), 0xffffffffffffffffffffffffffffffff), 0xa1b67f09d4b3ccb8), add(mul(and(mload(add(st, 288)), 0xffffffffffffffffffffffffffffffff), 0xe1adf8b84437180), add(mul(and(mload(add(st, 320)), 0xffffffffffffffffffffffffffffffff), 0xd593a5e584af47b), mul(and(mload(add(st, 352)), 0xffffffffffffffffffffffffffffffff), 0xa023d94c56e151c7)))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, s0_17), 0x19), add(mul(shr(128, mload(add(st, 32))), 0xc15acf44759545a3), add(mul(shr(128, mload(add(st, 64))), 0xcbfdcf39869719d4), add(mul(shr(128, mload(add(st, 96))), 0x33f62042e2f80225), add(mul(shr(128, mload(add(st, 128))), 0x2599c5ead81d8fa3), add(mul(shr(128, mload(add(st, 160))), 0xb306cb6c1d7c8d0), add(mul(shr(128, mload(add(st, 192))), 0x658c80d3df3729b1), add(mul(shr(128, mload(add(st, 224))), 0xe8d1b2b21b41429c), add(mul(shr(128, mload(add(st, 256))), 0xa1b67f09d4b3ccb8), add(mul(shr(128, mload(add(st, 288))), 0xe1adf8b84437180), add(mul(shr(128, mload(add(st, 320))), 0xd593a5e584af47b), mul(shr(128, mload(add(st, 352))), 0xa023d94c56e151c7)))))))))))), 0xffffffff00000001))
        mstore(add(st, 32), e_add(e_smul(s0_17, 0xf7157bc98), mload(add(st, 32))))
        mstore(add(st, 64), e_add(e_smul(s0_17, 0xe3006d948), mload(add(st, 64))))
        mstore(add(st, 96), e_add(e_smul(s0_17, 0xfa65811e6), mload(add(st, 96))))
        mstore(add(st, 128), e_add(e_smul(s0_17, 0xe0d127e2f), mload(add(st, 128))))
        mstore(add(st, 160), e_add(e_smul(s0_17, 0xfc18bfe53), mload(add(st, 160))))
        mstore(add(st, 192), e_add(e_smul(s0_17, 0xfd002d901), mload(add(st, 192))))
        mstore(add(st, 224), e_add(e_smul(s0_17, 0xeed6461d8), mload(add(st, 224))))
        mstore(add(st, 256), e_add(e_smul(s0_17, 0x1068562754), mload(add(st, 256))))
        mstore(add(st, 288), e_add(e_smul(s0_17, 0xfa0236f50), mload(add(st, 288))))
        mstore(add(st, 320), e_add(e_smul(s0_17, 0xe3af13ee1), mload(add(st, 320))))
        mstore(add(st, 352), e_add(e_smul(s0_17, 0xfa460f6d1), mload(add(st, 352))))
        mstore(add(st, 0), d_17)
        }
        {
        mstore(add(out, 1888), e_sub(mload(add(st, 0)), mload(add(wires, 2656))))
        let s0_18 := e_add(e_sbox(mload(add(wires, 2656))), 0x860b6e1597a0173e)
        let d_18 := e_pack(mod(add(mul(and(s0_18, 0xffffffffffffffffffffffffffffffff), 0x19), add(mul(and(mload(add(st, 32)), 0xffffffffffffffffffffffffffffffff), 0x49026cc3a4afc5a6), add(mul(and(mload(add(st, 64)), 0xffffffffffffffffffffffffffffffff), 0xe06dff00ab25b91b), add(mul(and(mload(add(st, 96)), 0xffffffffffffffffffffffffffffffff), 0xab38c561e8850ff), add(mul(and(mload(add(st, 128)), 0xffffffffffffffffffffffffffffffff), 0x92c3c8275e105eeb), add(mul(and(mload(add(st, 160)), 0xffffffffffffffffffffffffffffffff), 0xb65256e546889bd0), add(mul(and(mload(add(st, 192)), 0xffffffffffffffffffffffffffffffff), 0x3c0468236ea142f6), add(mul(and(mload(add(st, 224)), 0xffffffffffffffffffffffffffffffff), 0xee61766b889e18f2), add(mul(and(mload(add(st, 256)), 0xffffffffffffffffffffffffffffffff), 0xa206f41b12c30415), add(mul(and(mload(add(st, 288)), 0xffffffffffffffffffffffffffffffff), 0x2fe9d756c9f12d1), add(mul(and(mload(add(st, 320)), 0xffffffffffffffffffffffffffffffff), 0xe9633210630cbf12), mul(and(mload(add(st, 352)), 0xffffffffffffffffffffffffffffffff), 0x1ffea9fe85a0b0b1)))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, s0_18), 0x19), add(mul(shr(128, mload(add(st, 32))), 0x49026cc3a4afc5a6), add(mul(shr(128, mload(add(st, 64))), 0xe06dff00ab25b91b), add(mul(shr(128, mload(add(st, 96))), 0xab38c561e8850ff), add(mul(shr(128, mload(add(st, 128))), 0x92c3c8275e105eeb), add(mul(shr(128, mload(add(st, 160))), 0xb65256e546889bd0), add(mul(shr(128, mload(add(st, 192))), 0x3c0468236ea142f6), add(mul(shr(128, mload(add(st, 224))), 0xee61766b889e18f2), add(mul(shr(128, mload(add(st, 256))), 0xa206f41b12c30415), add(mul(shr(128, mload(add(st, 288))), 0x2fe9d756c9f12d1), add(mul(shr(128, mload(add(st, 320))), 0xe9633210630cbf12), mul(shr(128, mload(add(st, 352))), 0x1ffea9fe85a0b0b1)))))))))))), 0xffffffff00000001))
        mstore(add(st, 32), e_add(e_smul(s0_18, 0x11131738), mload(add(st, 32))))
        mstore(add(st, 64), e_add(e_smul(s0_18, 0xf56d588), mload(add(st, 64))))
        mstore(add(st, 96), e_add(e_smul(s0_18, 0x11050f86), mload(add(st, 96))))
        mstore(add(st, 128), e_add(e_smul(s0_18, 0xf848f4f), mload(add(st, 128))))
        mstore(add(st, 160), e_add(e_smul(s0_18, 0x111527d3), mload(add(st, 160))))
        mstore(add(st, 192), e_add(e_smul(s0_18, 0x114369a1), mload(add(st, 192))))
        mstore(add(st, 224), e_add(e_smul(s0_18, 0x106f2f38), mload(add(st, 224))))
        mstore(add(st, 256), e_add(e_smul(s0_18, 0x11e2ca94), mload(add(st, 256))))
        mstore(add(st, 288), e_add(e_smul(s0_18, 0x110a29f0), mload(add(st, 288))))
        mstore(add(st, 320), e_add(e_smul(s0_18, 0xfa9f5c1), mload(add(st, 320))))
        mstore(add(st, 352), e_add(e_smul(s0_18, 0x10f625d1), mload(add(st, 352))))
        mstore(add(st, 0), d_18)
        }
        {
        mstore(add(out, 1920), e_sub(mload(add(st, 0)), mload(add(wires, 2688))))
        let s0_19 := e_add(e_sbox(mload(add(wires, 2688))), 0x308bb65a036acbce)
        let d_19 := e_pack(mod(add(mul(and(s0_19, 0xffffffffffffffffffffffffffffffff), 0x19), add(mul(and(mload(add(st, 32)), 0xffffffffffffffffffffffffffffffff), 0x81d1ae8cc50240f3), add(mul(and(mload(add(st, 64)), 0xffffffffffffffffffffffffffffffff), 0xf4c77a079a4607d7), add(mul(and(mload(add(st, 96)), 0xffffffffffffffffffffffffffffffff), 0xed446b2315e3efc1), add(mul(and(mload(add(st, 128)), 0xffffffffffffffffffffffffffffffff), 0xb0a6b70915178c3), add(mul(and(mload(add(st, 160)), 0xffffffffffffffffffffffffffffffff), 0xb11ff3e089f15d9a), add(mul(and(mload(add(st, 192)), 0xffffffffffffffffffffffffffffffff), 0x1d4dba0b7ae9cc18), add(mul(and(mload(add(st, 224)), 0xffffffffffffffffffffffffffffffff), 0x65d74e2f43b48d05), add(mul(and(mload(add(st, 256)), 0xffffffffffffffffffffffffffffffff), 0xa2df8c6b8ae0804a), add(mul(and(mload(add(st, 288)), 0xffffffffffffffffffffffffffffffff), 0xa4e6f0a8c33348a6), add(mul(and(mload(add(st, 320)), 0xffffffffffffffffffffffffffffffff), 0xc0a26efc7be5669b), mul(and(mload(add(st, 352)), 0xffffffffffffffffffffffffffffffff), 0xa6b6582c547d0d60)))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, s0_19), 0x19), add(mul(shr(128, mload(add(st, 32))), 0x81d1ae8cc50240f3), add(mul(shr(128, mload(add(st, 64))), 0xf4c77a079a4607d7), add(mul(shr(128, mload(add(st, 96))), 0xed446b2315e3efc1), add(mul(shr(128, mload(add(st, 128))), 0xb0a6b70915178c3), add(mul(shr(128, mload(add(st, 160))), 0xb11ff3e089f15d9a), add(mul(shr(128, mload(add(st, 192))), 0x1d4dba0b7ae9cc18), add(mul(shr(128, mload(add(st, 224))), 0x65d74e2f43b48d05), add(mul(shr(128, mload(add(st, 256))), 0xa2df8c6b8ae0804a), add(mul(shr(128, mload(add(st, 288))), 0xa4e6f0a8c33348a6), add(mul(shr(128, mload(add(st, 320))), 0xc0a26efc7be5669b), mul(shr(128, mload(add(st, 352))), 0xa6b6582c547d0d60)))))))))))), 0xffffffff00000001))
        mstore(add(st, 32), e_add(e_smul(s0_19, 0x11f718), mload(add(st, 32))))
        mstore(add(st, 64), e_add(e_smul(s0_19, 0x10b6c8), mload(add(st, 64))))
        mstore(add(st, 96), e_add(e_smul(s0_19, 0x134a96), mload(add(st, 96))))
        mstore(add(st, 128), e_add(e_smul(s0_19, 0x10cf7f), mload(add(st, 128))))
        mstore(add(st, 160), e_add(e_smul(s0_19, 0x124d03), mload(add(st, 160))))
        mstore(add(st, 192), e_add(e_smul(s0_19, 0x13f8a1), mload(add(st, 192))))
        mstore(add(st, 224), e_add(e_smul(s0_19, 0x117c58), mload(add(st, 224))))
        mstore(add(st, 256), e_add(e_smul(s0_19, 0x132c94), mload(add(st, 256))))
        mstore(add(st, 288), e_add(e_smul(s0_19, 0x134fc0), mload(add(st, 288))))
        mstore(add(st, 320), e_add(e_smul(s0_19, 0x10a091), mload(add(st, 320))))
        mstore(add(st, 352), e_add(e_smul(s0_19, 0x128961), mload(add(st, 352))))
        mstore(add(st, 0), d_19)
        }
        {
        mstore(add(out, 1952), e_sub(mload(add(st, 0)), mload(add(wires, 2720))))
        let s0_20 := e_add(e_sbox(mload(add(wires, 2720))), 0x1aca78f31c97c876)
        let d_20 := e_pack(mod(add(mul(and(s0_20, 0xffffffffffffffffffffffffffffffff), 0x19), add(mul(and(mload(add(st, 32)), 0xffffffffffffffffffffffffffffffff), 0x84afc741f1c13213), add(mul(and(mload(add(st, 64)), 0xffffffffffffffffffffffffffffffff), 0x2f8f43734fc906f3), add(mul(and(mload(add(st, 96)), 0xffffffffffffffffffffffffffffffff), 0xde682d72da0a02d9), add(mul(and(mload(add(st, 128)), 0xffffffffffffffffffffffffffffffff), 0xbb005236adb9ef2), add(mul(and(mload(add(st, 160)), 0xffffffffffffffffffffffffffffffff), 0x5bdf35c10a8b5624), add(mul(and(mload(add(st, 192)), 0xffffffffffffffffffffffffffffffff), 0x739a8a343950010), add(mul(and(mload(add(st, 224)), 0xffffffffffffffffffffffffffffffff), 0x52f515f44785cfbc), add(mul(and(mload(add(st, 256)), 0xffffffffffffffffffffffffffffffff), 0xcbaf4e5d82856c60), add(mul(and(mload(add(st, 288)), 0xffffffffffffffffffffffffffffffff), 0xac9ea09074e3e150), add(mul(and(mload(add(st, 320)), 0xffffffffffffffffffffffffffffffff), 0x8f0fa011a2035fb0), mul(and(mload(add(st, 352)), 0xffffffffffffffffffffffffffffffff), 0x1a37905d8450904a)))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, s0_20), 0x19), add(mul(shr(128, mload(add(st, 32))), 0x84afc741f1c13213), add(mul(shr(128, mload(add(st, 64))), 0x2f8f43734fc906f3), add(mul(shr(128, mload(add(st, 96))), 0xde682d72da0a02d9), add(mul(shr(128, mload(add(st, 128))), 0xbb005236adb9ef2), add(mul(shr(128, mload(add(st, 160))), 0x5bdf35c10a8b5624), add(mul(shr(128, mload(add(st, 192))), 0x739a8a343950010), add(mul(shr(128, mload(add(st, 224))), 0x52f515f44785cfbc), add(mul(shr(128, mload(add(st, 256))), 0xcbaf4e5d82856c60), add(mul(shr(128, mload(add(st, 288))), 0xac9ea09074e3e150), add(mul(shr(128, mload(add(st, 320))), 0x8f0fa011a2035fb0), mul(shr(128, mload(add(st, 352))), 0x1a37905d8450904a)))))))))))), 0xffffffff00000001))
        mstore(add(st, 32), e_add(e_smul(s0_20, 0x1300), mload(add(st, 32))))
        mstore(add(st, 64), e_add(e_smul(s0_20, 0x1750), mload(add(st, 64))))
        mstore(add(st, 96), e_add(e_smul(s0_20, 0x114e), mload(add(st, 96))))
        mstore(add(st, 128), e_add(e_smul(s0_20, 0x131f), mload(add(st, 128))))
        mstore(add(st, 160), e_add(e_smul(s0_20, 0x167b), mload(add(st, 160))))
        mstore(add(st, 192), e_add(e_smul(s0_20, 0x1371), mload(add(st, 192))))
        mstore(add(st, 224), e_add(e_smul(s0_20, 0x1230), mload(add(st, 224))))
        mstore(add(st, 256), e_add(e_smul(s0_20, 0x182c), mload(add(st, 256))))
        mstore(add(st, 288), e_add(e_smul(s0_20, 0x1368), mload(add(st, 288))))
        mstore(add(st, 320), e_add(e_smul(s0_20, 0xf31), mload(add(st, 320))))
        mstore(add(st, 352), e_add(e_smul(s0_20, 0x15c9), mload(add(st, 352))))
        mstore(add(st, 0), d_20)
        }
        {
        mstore(add(out, 1984), e_sub(mload(add(st, 0)), mload(add(wires, 2752))))
        let s0_21 := e_sbox(mload(add(wires, 2752)))
        let d_21 := e_pack(mod(add(mul(and(s0_21, 0xffffffffffffffffffffffffffffffff), 0x19), add(mul(and(mload(add(st, 32)), 0xffffffffffffffffffffffffffffffff), 0x3abeb80def61cc85), add(mul(and(mload(add(st, 64)), 0xffffffffffffffffffffffffffffffff), 0x9d19c9dd4eac4133), add(mul(and(mload(add(st, 96)), 0xffffffffffffffffffffffffffffffff), 0x75a652d9641a985), add(mul(and(mload(add(st, 128)), 0xffffffffffffffffffffffffffffffff), 0x9daf69ae1b67e667), add(mul(and(mload(add(st, 160)), 0xffffffffffffffffffffffffffffffff), 0x364f71da77920a18), add(mul(and(mload(add(st, 192)), 0xffffffffffffffffffffffffffffffff), 0x50bd769f745c95b1), add(mul(and(mload(add(st, 224)), 0xffffffffffffffffffffffffffffffff), 0xf223d1180dbbf3fc), add(mul(and(mload(add(st, 256)), 0xffffffffffffffffffffffffffffffff), 0x2f885e584e04aa99), add(mul(and(mload(add(st, 288)), 0xffffffffffffffffffffffffffffffff), 0xb69a0fa70aea684a), add(mul(and(mload(add(st, 320)), 0xffffffffffffffffffffffffffffffff), 0x9584acaa6e062a0), mul(and(mload(add(st, 352)), 0xffffffffffffffffffffffffffffffff), 0xbc051640145b19b)))))))))))), 0xffffffff00000001), mod(add(mul(shr(128, s0_21), 0x19), add(mul(shr(128, mload(add(st, 32))), 0x3abeb80def61cc85), add(mul(shr(128, mload(add(st, 64))), 0x9d19c9dd4eac4133), add(mul(shr(128, mload(add(st, 96))), 0x75a652d9641a985), add(mul(shr(128, mload(add(st, 128))), 0x9daf69ae1b67e667), add(mul(shr(128, mload(add(st, 160))), 0x364f71da77920a18), add(mul(shr(128, mload(add(st, 192))), 0x50bd769f745c95b1), add(mul(shr(128, mload(add(st, 224))), 0xf223d1180dbbf3fc), add(mul(shr(128, mload(add(st, 256))), 0x2f885e584e04aa99), add(mul(shr(128, mload(add(st, 288))), 0xb69a0fa70aea684a), add(mul(shr(128, mload(add(st, 320))), 0x9584acaa6e062a0), mul(shr(128, mload(add(st, 352))), 0xbc051640145b19b)))))))))))), 0xffffffff00000001))
        mstore(add(st, 32), e_add(e_smul(s0_21, 0x14), mload(add(st, 32))))
        mstore(add(st, 64), e_add(e_smul(s0_21, 0x22), mload(add(st, 64))))
        mstore(add(st, 96), e_add(e_smul(s0_21, 0x12), mload(add(st, 96))))
        mstore(add(st, 128), e_add(e_smul(s0_21, 0x27), mload(add(st, 128))))
        mstore(add(st, 160), e_add(e_smul(s0_21, 0xd), mload(add(st, 160))))
        mstore(add(st, 192), e_add(e_smul(s0_21, 0xd), mload(add(st, 192))))
        mstore(add(st, 224), e_add(e_smul(s0_21, 0x1c), mload(add(st, 224))))
        mstore(add(st, 256), e_add(e_smul(s0_21, 0x2), mload(add(st, 256))))
        mstore(add(st, 288), e_add(e_smul(s0_21, 0x10), mload(add(st, 288))))
        mstore(add(st, 320), e_add(e_smul(s0_21, 0x29), mload(add(st, 320))))
        mstore(add(st, 352), e_add(e_smul(s0_21, 0xf), mload(add(st, 352))))
        mstore(add(st, 0), d_21)
        }
        mstore(add(out, 2016), e_sub(e_add(mload(add(st, 0)), 0x475cd3205a3bdcde), mload(add(wires, 2784))))
        mstore(add(tmp, 0), e_sbox(mload(add(wires, 2784))))
        mstore(add(out, 2048), e_sub(e_add(mload(add(st, 32)), 0x18a42105c31b7e88), mload(add(wires, 2816))))
        mstore(add(tmp, 32), e_sbox(mload(add(wires, 2816))))
        mstore(add(out, 2080), e_sub(e_add(mload(add(st, 64)), 0x23e7414af663068), mload(add(wires, 2848))))
        mstore(add(tmp, 64), e_sbox(mload(add(wires, 2848))))
        mstore(add(out, 2112), e_sub(e_add(mload(add(st, 96)), 0x15147108121967d7), mload(add(wires, 2880))))
        mstore(add(tmp, 96), e_sbox(mload(add(wires, 2880))))
        mstore(add(out, 2144), e_sub(e_add(mload(add(st, 128)), 0xe4a3dff1d7d6fef9), mload(add(wires, 2912))))
        mstore(add(tmp, 128), e_sbox(mload(add(wires, 2912))))
        mstore(add(out, 2176), e_sub(e_add(mload(add(st, 160)), 0x1a8d1a588085737), mload(add(wires, 2944))))
        mstore(add(tmp, 160), e_sbox(mload(add(wires, 2944))))
        mstore(add(out, 2208), e_sub(e_add(mload(add(st, 192)), 0x11b4c74eda62beef), mload(add(wires, 2976))))
        mstore(add(tmp, 192), e_sbox(mload(add(wires, 2976))))
        mstore(add(out, 2240), e_sub(e_add(mload(add(st, 224)), 0xe587cc0d69a73346), mload(add(wires, 3008))))
        mstore(add(tmp, 224), e_sbox(mload(add(wires, 3008))))
        mstore(add(out, 2272), e_sub(e_add(mload(add(st, 256)), 0x1ff7327017aa2a6e), mload(add(wires, 3040))))
        mstore(add(tmp, 256), e_sbox(mload(add(wires, 3040))))
        mstore(add(out, 2304), e_sub(e_add(mload(add(st, 288)), 0x594e29c42473d06b), mload(add(wires, 3072))))
        mstore(add(tmp, 288), e_sbox(mload(add(wires, 3072))))
        mstore(add(out, 2336), e_sub(e_add(mload(add(st, 320)), 0xf6f31db1899b12d5), mload(add(wires, 3104))))
        mstore(add(tmp, 320), e_sbox(mload(add(wires, 3104))))
        mstore(add(out, 2368), e_sub(e_add(mload(add(st, 352)), 0xc02ac5e47312d3ca), mload(add(wires, 3136))))
        mstore(add(tmp, 352), e_sbox(mload(add(wires, 3136))))
        mstore(add(st, 0), e_red(add(mul(mload(add(tmp, 0)), 25), add(mul(mload(add(tmp, 32)), 15), add(mul(mload(add(tmp, 64)), 41), add(mul(mload(add(tmp, 96)), 16), add(mul(mload(add(tmp, 128)), 2), add(mul(mload(add(tmp, 160)), 28), add(mul(mload(add(tmp, 192)), 13), add(mul(mload(add(tmp, 224)), 13), add(mul(mload(add(tmp, 256)), 39), add(mul(mload(add(tmp, 288)), 18), add(mul(mload(add(tmp, 320)), 34), mul(mload(add(tmp, 352)), 20))))))))))))))
        mstore(add(st, 32), e_red(add(mul(mload(add(tmp, 0)), 20), add(mul(mload(add(tmp, 32)), 17), add(mul(mload(add(tmp, 64)), 15), add(mul(mload(add(tmp, 96)), 41), add(mul(mload(add(tmp, 128)), 16), add(mul(mload(add(tmp, 160)), 2), add(mul(mload(add(tmp, 192)), 28), add(mul(mload(add(tmp, 224)), 13), add(mul(mload(add(tmp, 256)), 13), add(mul(mload(add(tmp, 288)), 39), add(mul(mload(add(tmp, 320)), 18), mul(mload(add(tmp, 352)), 34))))))))))))))
        mstore(add(st, 64), e_red(add(mul(mload(add(tmp, 0)), 34), add(mul(mload(add(tmp, 32)), 20), add(mul(mload(add(tmp, 64)), 17), add(mul(mload(add(tmp, 96)), 15), add(mul(mload(add(tmp, 128)), 41), add(mul(mload(add(tmp, 160)), 16), add(mul(mload(add(tmp, 192)), 2), add(mul(mload(add(tmp, 224)), 28), add(mul(mload(add(tmp, 256)), 13), add(mul(mload(add(tmp, 288)), 13), add(mul(mload(add(tmp, 320)), 39), mul(mload(add(tmp, 352)), 18))))))))))))))
        mstore(add(st, 96), e_red(add(mul(mload(add(tmp, 0)), 18), add(mul(mload(add(tmp, 32)), 34), add(mul(mload(add(tmp, 64)), 20), add(mul(mload(add(tmp, 96)), 17), add(mul(mload(add(tmp, 128)), 15), add(mul(mload(add(tmp, 160)), 41), add(mul(mload(add(tmp, 192)), 16), add(mul(mload(add(tmp, 224)), 2), add(mul(mload(add(tmp, 256)), 28), add(mul(mload(add(tmp, 288)), 13), add(mul(mload(add(tmp, 320)), 13), mul(mload(add(tmp, 352)), 39))))))))))))))
        mstore(add(st, 128), e_red(add(mul(mload(add(tmp, 0)), 39), add(mul(mload(add(tmp, 32)), 18), add(mul(mload(add(tmp, 64)), 34), add(mul(mload(add(tmp, 96)), 20), add(mul(mload(add(tmp, 128)), 17), add(mul(mload(add(tmp, 160)), 15), add(mul(mload(add(tmp, 192)), 41), add(mul(mload(add(tmp, 224)), 16), add(mul(mload(add(tmp, 256)), 2), add(mul(mload(add(tmp, 288)), 28), add(mul(mload(add(tmp, 320)), 13), mul(mload(add(tmp, 352)), 13))))))))))))))
        mstore(add(st, 160), e_red(add(mul(mload(add(tmp, 0)), 13), add(mul(mload(add(tmp, 32)), 39), add(mul(mload(add(tmp, 64)), 18), add(mul(mload(add(tmp, 96)), 34), add(mul(mload(add(tmp, 128)), 20), add(mul(mload(add(tmp, 160)), 17), add(mul(mload(add(tmp, 192)), 15), add(mul(mload(add(tmp, 224)), 41), add(mul(mload(add(tmp, 256)), 16), add(mul(mload(add(tmp, 288)), 2), add(mul(mload(add(tmp, 320)), 28), mul(mload(add(tmp, 352)), 13))))))))))))))
        mstore(add(st, 192), e_red(add(mul(mload(add(tmp, 0)), 13), add(mul(mload(add(tmp, 32)), 13), add(mul(mload(add(tmp, 64)), 39), add(mul(mload(add(tmp, 96)), 18), add(mul(mload(add(tmp, 128)), 34), add(mul(mload(add(tmp, 160)), 20), add(mul(mload(add(tmp, 192)), 17), add(mul(mload(add(tmp, 224)), 15), add(mul(mload(add(tmp, 256)), 41), add(mul(mload(add(tmp, 288)), 16), add(mul(mload(add(tmp, 320)), 2), mul(mload(add(tmp, 352)), 28))))))))))))))
        mstore(add(st, 224), e_red(add(mul(mload(add(tmp, 0)), 28), add(mul(mload(add(tmp, 32)), 13), add(mul(mload(add(tmp, 64)), 13), add(mul(mload(add(tmp, 96)), 39), add(mul(mload(add(tmp, 128)), 18), add(mul(mload(add(tmp, 160)), 34), add(mul(mload(add(tmp, 192)), 20), add(mul(mload(add(tmp, 224)), 17), add(mul(mload(add(tmp, 256)), 15), add(mul(mload(add(tmp, 288)), 41), add(mul(mload(add(tmp, 320)), 16), mul(mload(add(tmp, 352)), 2))))))))))))))
        mstore(add(st, 256), e_red(add(mul(mload(add(tmp, 0)), 2), add(mul(mload(add(tmp, 32)), 28), add(mul(mload(add(tmp, 64)), 13), add(mul(mload(add(tmp, 96)), 13), add(mul(mload(add(tmp, 128)), 39), add(mul(mload(add(tmp, 160)), 18), add(mul(mload(add(tmp, 192)), 34), add(mul(mload(add(tmp, 224)), 20), add(mul(mload(add(tmp, 256)), 17), add(mul(mload(add(tmp, 288)), 15), add(mul(mload(add(tmp, 320)), 41), mul(mload(add(tmp, 352)), 16))))))))))))))
        mstore(add(st, 288), e_red(add(mul(mload(add(tmp, 0)), 16), add(mul(mload(add(tmp, 32)), 2), add(mul(mload(add(tmp, 64)), 28), add(mul(mload(add(tmp, 96)), 13), add(mul(mload(add(tmp, 128)), 13), add(mul(mload(add(tmp, 160)), 39), add(mul(mload(add(tmp, 192)), 18), add(mul(mload(add(tmp, 224)), 34), add(mul(mload(add(tmp, 256)), 20), add(mul(mload(add(tmp, 288)), 17), add(mul(mload(add(tmp, 320)), 15), mul(mload(add(tmp, 352)), 41))))))))))))))
        mstore(add(st, 320), e_red(add(mul(mload(add(tmp, 0)), 41), add(mul(mload(add(tmp, 32)), 16), add(mul(mload(add(tmp, 64)), 2), add(mul(mload(add(tmp, 96)), 28), add(mul(mload(add(tmp, 128)), 13), add(mul(mload(add(tmp, 160)), 13), add(mul(mload(add(tmp, 192)), 39), add(mul(mload(add(tmp, 224)), 18), add(mul(mload(add(tmp, 256)), 34), add(mul(mload(add(tmp, 288)), 20), add(mul(mload(add(tmp, 320)), 17), mul(mload(add(tmp, 352)), 15))))))))))))))
        mstore(add(st, 352), e_red(add(mul(mload(add(tmp, 0)), 15), add(mul(mload(add(tmp, 32)), 41), add(mul(mload(add(tmp, 64)), 16), add(mul(mload(add(tmp, 96)), 2), add(mul(mload(add(tmp, 128)), 28), add(mul(mload(add(tmp, 160)), 13), add(mul(mload(add(tmp, 192)), 13), add(mul(mload(add(tmp, 224)), 39), add(mul(mload(add(tmp, 256)), 18), add(mul(mload(add(tmp, 288)), 34), add(mul(mload(add(tmp, 320)), 20), mul(mload(add(tmp, 352)), 17))))))))))))))
        mstore(add(out, 2400), e_sub(e_add(mload(add(st, 0)), 0xe70201e960cb78b8), mload(add(wires, 3168))))
        mstore(add(tmp, 0), e_sbox(mload(add(wires, 3168))))
        mstore(add(out, 2432), e_sub(e_add(mload(add(st, 32)), 0x6f90ff3b6a65f108), mload(add(wires, 3200))))
        mstore(add(tmp, 32), e_sbox(mload(add(wires, 3200))))
        mstore(add(out, 2464), e_sub(e_add(mload(add(st, 64)), 0x42747a7245e7fa84), mload(add(wires, 3232))))
        mstore(add(tmp, 64), e_sbox(mload(add(wires, 3232))))
        mstore(add(out, 2496), e_sub(e_add(mload(add(st, 96)), 0xd1f507e43ab749b2), mload(add(wires, 3264))))
        mstore(add(tmp, 96), e_sbox(mload(add(wires, 3264))))
        mstore(add(out, 2528), e_sub(e_add(mload(add(st, 128)), 0x1c86d265f15750cd), mload(add(wires, 3296))))
        mstore(add(tmp, 128), e_sbox(mload(add(wires, 3296))))
        mstore(add(out, 2560), e_sub(e_add(mload(add(st, 160)), 0x3996ce73dd832c1c), mload(add(wires, 3328))))
        mstore(add(tmp, 160), e_sbox(mload(add(wires, 3328))))
        mstore(add(out, 2592), e_sub(e_add(mload(add(st, 192)), 0x8e7fba02983224bd), mload(add(wires, 3360))))
        mstore(add(tmp, 192), e_sbox(mload(add(wires, 3360))))
        mstore(add(out, 2624), e_sub(e_add(mload(add(st, 224)), 0xba0dec7103255dd4), mload(add(wires, 3392))))
        mstore(add(tmp, 224), e_sbox(mload(add(wires, 3392))))
        mstore(add(out, 2656), e_sub(e_add(mload(add(st, 256)), 0x9e9cbd781628fc5b), mload(add(wires, 3424))))
        mstore(add(tmp, 256), e_sbox(mload(add(wires, 3424))))
        mstore(add(out, 2688), e_sub(e_add(mload(add(st, 288)), 0xdae8645996edd6a5), mload(add(wires, 3456))))
        mstore(add(tmp, 288), e_sbox(mload(add(wires, 3456))))
        mstore(add(out, 2720), e_sub(e_add(mload(add(st, 320)), 0xdebe0853b1a1d378), mload(add(wires, 3488))))
        mstore(add(tmp, 320), e_sbox(mload(add(wires, 3488))))
        mstore(add(out, 2752), e_sub(e_add(mload(add(st, 352)), 0xa49229d24d014343), mload(add(wires, 3520))))
        mstore(add(tmp, 352), e_sbox(mload(add(wires, 3520))))
        mstore(add(st, 0), e_red(add(mul(mload(add(tmp, 0)), 25), add(mul(mload(add(tmp, 32)), 15), add(mul(mload(add(tmp, 64)), 41), add(mul(mload(add(tmp, 96)), 16), add(mul(mload(add(tmp, 128)), 2), add(mul(mload(add(tmp, 160)), 28), add(mul(mload(add(tmp, 192)), 13), add(mul(mload(add(tmp, 224)), 13), add(mul(mload(add(tmp, 256)), 39), add(mul(mload(add(tmp, 288)), 18), add(mul(mload(add(tmp, 320)), 34), mul(mload(add(tmp, 352)), 20))))))))))))))
        mstore(add(st, 32), e_red(add(mul(mload(add(tmp, 0)), 20), add(mul(mload(add(tmp, 32)), 17), add(mul(mload(add(tmp, 64)), 15), add(mul(mload(add(tmp, 96)), 41), add(mul(mload(add(tmp, 128)), 16), add(mul(mload(add(tmp, 160)), 2), add(mul(mload(add(tmp, 192)), 28), add(mul(mload(add(tmp, 224)), 13), add(mul(mload(add(tmp, 256)), 13), add(mul(mload(add(tmp, 288)), 39), add(mul(mload(add(tmp, 320)), 18), mul(mload(add(tmp, 352)), 34))))))))))))))
        mstore(add(st, 64), e_red(add(mul(mload(add(tmp, 0)), 34), add(mul(mload(add(tmp, 32)), 20), add(mul(mload(add(tmp, 64)), 17), add(mul(mload(add(tmp, 96)), 15), add(mul(mload(add(tmp, 128)), 41), add(mul(mload(add(tmp, 160)), 16), add(mul(mload(add(tmp, 192)), 2), add(mul(mload(add(tmp, 224)), 28), add(mul(mload(add(tmp, 256)), 13), add(mul(mload(add(tmp, 288)), 13), add(mul(mload(add(tmp, 320)), 39), mul(mload(add(tmp, 352)), 18))))))))))))))
        mstore(add(st, 96), e_red(add(mul(mload(add(tmp, 0)), 18), add(mul(mload(add(tmp, 32)), 34), add(mul(mload(add(tmp, 64)), 20), add(mul(mload(add(tmp, 96)), 17), add(mul(mload(add(tmp, 128)), 15), add(mul(mload(add(tmp, 160)), 41), add(mul(mload(add(tmp, 192)), 16), add(mul(mload(add(tmp, 224)), 2), add(mul(mload(add(tmp, 256)), 28), add(mul(mload(add(tmp, 288)), 13), add(mul(mload(add(tmp, 320)), 13), mul(mload(add(tmp, 352)), 39))))))))))))))
        mstore(add(st, 128), e_red(add(mul(mload(add(tmp, 0)), 39), add(mul(mload(add(tmp, 32)), 18), add(mul(mload(add(tmp, 64)), 34), add(mul(mload(add(tmp, 96)), 20), add(mul(mload(add(tmp, 128)), 17), add(mul(mload(add(tmp, 160)), 15), add(mul(mload(add(tmp, 192)), 41), add(mul(mload(add(tmp, 224)), 16), add(mul(mload(add(tmp, 256)), 2), add(mul(mload(add(tmp, 288)), 28), add(mul(mload(add(tmp, 320)), 13), mul(mload(add(tmp, 352)), 13))))))))))))))
        mstore(add(st, 160), e_red(add(mul(mload(add(tmp, 0)), 13), add(mul(mload(add(tmp, 32)), 39), add(mul(mload(add(tmp, 64)), 18), add(mul(mload(add(tmp, 96)), 34), add(mul(mload(add(tmp, 128)), 20), add(mul(mload(add(tmp, 160)), 17), add(mul(mload(add(tmp, 192)), 15), add(mul(mload(add(tmp, 224)), 41), add(mul(mload(add(tmp, 256)), 16), add(mul(mload(add(tmp, 288)), 2), add(mul(mload(add(tmp, 320)), 28), mul(mload(add(tmp, 352)), 13))))))))))))))
        mstore(add(st, 192), e_red(add(mul(mload(add(tmp, 0)), 13), add(mul(mload(add(tmp, 32)), 13), add(mul(mload(add(tmp, 64)), 39), add(mul(mload(add(tmp, 96)), 18), add(mul(mload(add(tmp, 128)), 34), add(mul(mload(add(tmp, 160)), 20), add(mul(mload(add(tmp, 192)), 17), add(mul(mload(add(tmp, 224)), 15), add(mul(mload(add(tmp, 256)), 41), add(mul(mload(add(tmp, 288)), 16), add(mul(mload(add(tmp, 320)), 2), mul(mload(add(tmp, 352)), 28))))))))))))))
        mstore(add(st, 224), e_red(add(mul(mload(add(tmp, 0)), 28), add(mul(mload(add(tmp, 32)), 13), add(mul(mload(add(tmp, 64)), 13), add(mul(mload(add(tmp, 96)), 39), add(mul(mload(add(tmp, 128)), 18), add(mul(mload(add(tmp, 160)), 34), add(mul(mload(add(tmp, 192)), 20), add(mul(mload(add(tmp, 224)), 17), add(mul(mload(add(tmp, 256)), 15), add(mul(mload(add(tmp, 288)), 41), add(mul(mload(add(tmp, 320)), 16), mul(mload(add(tmp, 352)), 2))))))))))))))
        mstore(add(st, 256), e_red(add(mul(mload(add(tmp, 0)), 2), add(mul(mload(add(tmp, 32)), 28), add(mul(mload(add(tmp, 64)), 13), add(mul(mload(add(tmp, 96)), 13), add(mul(mload(add(tmp, 128)), 39), add(mul(mload(add(tmp, 160)), 18), add(mul(mload(add(tmp, 192)), 34), add(mul(mload(add(tmp, 224)), 20), add(mul(mload(add(tmp, 256)), 17), add(mul(mload(add(tmp, 288)), 15), add(mul(mload(add(tmp, 320)), 41), mul(mload(add(tmp, 352)), 16))))))))))))))
        mstore(add(st, 288), e_red(add(mul(mload(add(tmp, 0)), 16), add(mul(mload(add(tmp, 32)), 2), add(mul(mload(add(tmp, 64)), 28), add(mul(mload(add(tmp, 96)), 13), add(mul(mload(add(tmp, 128)), 13), add(mul(mload(add(tmp, 160)), 39), add(mul(mload(add(tmp, 192)), 18), add(mul(mload(add(tmp, 224)), 34), add(mul(mload(add(tmp, 256)), 20), add(mul(mload(add(tmp, 288)), 17), add(mul(mload(add(tmp, 320)), 15), mul(mload(add(tmp, 352)), 41))))))))))))))
        mstore(add(st, 320), e_red(add(mul(mload(add(tmp, 0)), 41), add(mul(mload(add(tmp, 32)), 16), add(mul(mload(add(tmp, 64)), 2), add(mul(mload(add(tmp, 96)), 28), add(mul(mload(add(tmp, 128)), 13), add(mul(mload(add(tmp, 160)), 13), add(mul(mload(add(tmp, 192)), 39), add(mul(mload(add(tmp, 224)), 18), add(mul(mload(add(tmp, 256)), 34), add(mul(mload(add(tmp, 288)), 20), add(mul(mload(add(tmp, 320)), 17), mul(mload(add(tmp, 352)), 15))))))))))))))
        mstore(add(st, 352), e_red(add(mul(mload(add(tmp, 0)), 15), add(mul(mload(add(tmp, 32)), 41), add(mul(mload(add(tmp, 64)), 16), add(mul(mload(add(tmp, 96)), 2), add(mul(mload(add(tmp, 128)), 28), add(mul(mload(add(tmp, 160)), 13), add(mul(mload(add(tmp, 192)), 13), add(mul(mload(add(tmp, 224)), 39), add(mul(mload(add(tmp, 256)), 18), add(mul(mload(add(tmp, 288)), 34), add(mul(mload(add(tmp, 320)), 20), mul(mload(add(tmp, 352)), 17))))))))))))))
        mstore(add(out, 2784), e_sub(e_add(mload(add(st, 0)), 0x7be5b9ffda905e1c), mload(add(wires, 3552))))
        mstore(add(tmp, 0), e_sbox(mload(add(wires, 3552))))
        mstore(add(out, 2816), e_sub(e_add(mload(add(st, 32)), 0xa3c95eaec244aa30), mload(add(wires, 3584))))
        mstore(add(tmp, 32), e_sbox(mload(add(wires, 3584))))
        mstore(add(out, 2848), e_sub(e_add(mload(add(st, 64)), 0x230bca8f4df0544), mload(add(wires, 3616))))
        mstore(add(tmp, 64), e_sbox(mload(add(wires, 3616))))
        mstore(add(out, 2880), e_sub(e_add(mload(add(st, 96)), 0x4135c2bebfe148c6), mload(add(wires, 3648))))
        mstore(add(tmp, 96), e_sbox(mload(add(wires, 3648))))
        mstore(add(out, 2912), e_sub(e_add(mload(add(st, 128)), 0x166fc0cc438a3c72), mload(add(wires, 3680))))
        mstore(add(tmp, 128), e_sbox(mload(add(wires, 3680))))
        mstore(add(out, 2944), e_sub(e_add(mload(add(st, 160)), 0x3762b59a8ae83efa), mload(add(wires, 3712))))
        mstore(add(tmp, 160), e_sbox(mload(add(wires, 3712))))
        mstore(add(out, 2976), e_sub(e_add(mload(add(st, 192)), 0xe8928a4c89114750), mload(add(wires, 3744))))
        mstore(add(tmp, 192), e_sbox(mload(add(wires, 3744))))
        mstore(add(out, 3008), e_sub(e_add(mload(add(st, 224)), 0x2a440b51a4945ee5), mload(add(wires, 3776))))
        mstore(add(tmp, 224), e_sbox(mload(add(wires, 3776))))
        mstore(add(out, 3040), e_sub(e_add(mload(add(st, 256)), 0x80cefd2b7d99ff83), mload(add(wires, 3808))))
        mstore(add(tmp, 256), e_sbox(mload(add(wires, 3808))))
        mstore(add(out, 3072), e_sub(e_add(mload(add(st, 288)), 0xbb9879c6e61fd62a), mload(add(wires, 3840))))
        mstore(add(tmp, 288), e_sbox(mload(add(wires, 3840))))
        mstore(add(out, 3104), e_sub(e_add(mload(add(st, 320)), 0x6e7c8f1a84265034), mload(add(wires, 3872))))
        mstore(add(tmp, 320), e_sbox(mload(add(wires, 3872))))
        mstore(add(out, 3136), e_sub(e_add(mload(add(st, 352)), 0x164bb2de1bbeddc8), mload(add(wires, 3904))))
        mstore(add(tmp, 352), e_sbox(mload(add(wires, 3904))))
        mstore(add(st, 0), e_red(add(mul(mload(add(tmp, 0)), 25), add(mul(mload(add(tmp, 32)), 15), add(mul(mload(add(tmp, 64)), 41), add(mul(mload(add(tmp, 96)), 16), add(mul(mload(add(tmp, 128)), 2), add(mul(mload(add(tmp, 160)), 28), add(mul(mload(add(tmp, 192)), 13), add(mul(mload(add(tmp, 224)), 13), add(mul(mload(add(tmp, 256)), 39), add(mul(mload(add(tmp, 288)), 18), add(mul(mload(add(tmp, 320)), 34), mul(mload(add(tmp, 352)), 20))))))))))))))
        mstore(add(st, 32), e_red(add(mul(mload(add(tmp, 0)), 20), add(mul(mload(add(tmp, 32)), 17), add(mul(mload(add(tmp, 64)), 15), add(mul(mload(add(tmp, 96)), 41), add(mul(mload(add(tmp, 128)), 16), add(mul(mload(add(tmp, 160)), 2), add(mul(mload(add(tmp, 192)), 28), add(mul(mload(add(tmp, 224)), 13), add(mul(mload(add(tmp, 256)), 13), add(mul(mload(add(tmp, 288)), 39), add(mul(mload(add(tmp, 320)), 18), mul(mload(add(tmp, 352)), 34))))))))))))))
        mstore(add(st, 64), e_red(add(mul(mload(add(tmp, 0)), 34), add(mul(mload(add(tmp, 32)), 20), add(mul(mload(add(tmp, 64)), 17), add(mul(mload(add(tmp, 96)), 15), add(mul(mload(add(tmp, 128)), 41), add(mul(mload(add(tmp, 160)), 16), add(mul(mload(add(tmp, 192)), 2), add(mul(mload(add(tmp, 224)), 28), add(mul(mload(add(tmp, 256)), 13), add(mul(mload(add(tmp, 288)), 13), add(mul(mload(add(tmp, 320)), 39), mul(mload(add(tmp, 352)), 18))))))))))))))
        mstore(add(st, 96), e_red(add(mul(mload(add(tmp, 0)), 18), add(mul(mload(add(tmp, 32)), 34), add(mul(mload(add(tmp, 64)), 20), add(mul(mload(add(tmp, 96)), 17), add(mul(mload(add(tmp, 128)), 15), add(mul(mload(add(tmp, 160)), 41), add(mul(mload(add(tmp, 192)), 16), add(mul(mload(add(tmp, 224)), 2), add(mul(mload(add(tmp, 256)), 28), add(mul(mload(add(tmp, 288)), 13), add(mul(mload(add(tmp, 320)), 13), mul(mload(add(tmp, 352)), 39))))))))))))))
        mstore(add(st, 128), e_red(add(mul(mload(add(tmp, 0)), 39), add(mul(mload(add(tmp, 32)), 18), add(mul(mload(add(tmp, 64)), 34), add(mul(mload(add(tmp, 96)), 20), add(mul(mload(add(tmp, 128)), 17), add(mul(mload(add(tmp, 160)), 15), add(mul(mload(add(tmp, 192)), 41), add(mul(mload(add(tmp, 224)), 16), add(mul(mload(add(tmp, 256)), 2), add(mul(mload(add(tmp, 288)), 28), add(mul(mload(add(tmp, 320)), 13), mul(mload(add(tmp, 352)), 13))))))))))))))
        mstore(add(st, 160), e_red(add(mul(mload(add(tmp, 0)), 13), add(mul(mload(add(tmp, 32)), 39), add(mul(mload(add(tmp, 64)), 18), add(mul(mload(add(tmp, 96)), 34), add(mul(mload(add(tmp, 128)), 20), add(mul(mload(add(tmp, 160)), 17), add(mul(mload(add(tmp, 192)), 15), add(mul(mload(add(tmp, 224)), 41), add(mul(mload(add(tmp, 256)), 16), add(mul(mload(add(tmp, 288)), 2), add(mul(mload(add(tmp, 320)), 28), mul(mload(add(tmp, 352)), 13))))))))))))))
        mstore(add(st, 192), e_red(add(mul(mload(add(tmp, 0)), 13), add(mul(mload(add(tmp, 32)), 13), add(mul(mload(add(tmp, 64)), 39), add(mul(mload(add(tmp, 96)), 18), add(mul(mload(add(tmp, 128)), 34), add(mul(mload(add(tmp, 160)), 20), add(mul(mload(add(tmp, 192)), 17), add(mul(mload(add(tmp, 224)), 15), add(mul(mload(add(tmp, 256)), 41), add(mul(mload(add(tmp, 288)), 16), add(mul(mload(add(tmp, 320)), 2), mul(mload(add(tmp, 352)), 28))))))))))))))
        mstore(add(st, 224), e_red(add(mul(mload(add(tmp, 0)), 28), add(mul(mload(add(tmp, 32)), 13), add(mul(mload(add(tmp, 64)), 13), add(mul(mload(add(tmp, 96)), 39), add(mul(mload(add(tmp, 128)), 18), add(mul(mload(add(tmp, 160)), 34), add(mul(mload(add(tmp, 192)), 20), add(mul(mload(add(tmp, 224)), 17), add(mul(mload(add(tmp, 256)), 15), add(mul(mload(add(tmp, 288)), 41), add(mul(mload(add(tmp, 320)), 16), mul(mload(add(tmp, 352)), 2))))))))))))))
        mstore(add(st, 256), e_red(add(mul(mload(add(tmp, 0)), 2), add(mul(mload(add(tmp, 32)), 28), add(mul(mload(add(tmp, 64)), 13), add(mul(mload(add(tmp, 96)), 13), add(mul(mload(add(tmp, 128)), 39), add(mul(mload(add(tmp, 160)), 18), add(mul(mload(add(tmp, 192)), 34), add(mul(mload(add(tmp, 224)), 20), add(mul(mload(add(tmp, 256)), 17), add(mul(mload(add(tmp, 288)), 15), add(mul(mload(add(tmp, 320)), 41), mul(mload(add(tmp, 352)), 16))))))))))))))
        mstore(add(st, 288), e_red(add(mul(mload(add(tmp, 0)), 16), add(mul(mload(add(tmp, 32)), 2), add(mul(mload(add(tmp, 64)), 28), add(mul(mload(add(tmp, 96)), 13), add(mul(mload(add(tmp, 128)), 13), add(mul(mload(add(tmp, 160)), 39), add(mul(mload(add(tmp, 192)), 18), add(mul(mload(add(tmp, 224)), 34), add(mul(mload(add(tmp, 256)), 20), add(mul(mload(add(tmp, 288)), 17), add(mul(mload(add(tmp, 320)), 15), mul(mload(add(tmp, 352)), 41))))))))))))))
        mstore(add(st, 320), e_red(add(mul(mload(add(tmp, 0)), 41), add(mul(mload(add(tmp, 32)), 16), add(mul(mload(add(tmp, 64)), 2), add(mul(mload(add(tmp, 96)), 28), add(mul(mload(add(tmp, 128)), 13), add(mul(mload(add(tmp, 160)), 13), add(mul(mload(add(tmp, 192)), 39), add(mul(mload(add(tmp, 224)), 18), add(mul(mload(add(tmp, 256)), 34), add(mul(mload(add(tmp, 288)), 20), add(mul(mload(add(tmp, 320)), 17), mul(mload(add(tmp, 352)), 15))))))))))))))
        mstore(add(st, 352), e_red(add(mul(mload(add(tmp, 0)), 15), add(mul(mload(add(tmp, 32)), 41), add(mul(mload(add(tmp, 64)), 16), add(mul(mload(add(tmp, 96)), 2), add(mul(mload(add(tmp, 128)), 28), add(mul(mload(add(tmp, 160)), 13), add(mul(mload(add(tmp, 192)), 13), add(mul(mload(add(tmp, 224)), 39), add(mul(mload(add(tmp, 256)), 18), add(mul(mload(add(tmp, 288)), 34), add(mul(mload(add(tmp, 320)), 20), mul(mload(add(tmp, 352)), 17))))))))))))))
        mstore(add(out, 3168), e_sub(e_add(mload(add(st, 0)), 0xf3c12fe54d5c653b), mload(add(wires, 3936))))
        mstore(add(tmp, 0), e_sbox(mload(add(wires, 3936))))
        mstore(add(out, 3200), e_sub(e_add(mload(add(st, 32)), 0x40b9e922ed9771e2), mload(add(wires, 3968))))
        mstore(add(tmp, 32), e_sbox(mload(add(wires, 3968))))
        mstore(add(out, 3232), e_sub(e_add(mload(add(st, 64)), 0x551f5b0fbe7b1840), mload(add(wires, 4000))))
        mstore(add(tmp, 64), e_sbox(mload(add(wires, 4000))))
        mstore(add(out, 3264), e_sub(e_add(mload(add(st, 96)), 0x25032aa7c4cb1811), mload(add(wires, 4032))))
        mstore(add(tmp, 96), e_sbox(mload(add(wires, 4032))))
        mstore(add(out, 3296), e_sub(e_add(mload(add(st, 128)), 0xaaed34074b164346), mload(add(wires, 4064))))
        mstore(add(tmp, 128), e_sbox(mload(add(wires, 4064))))
        mstore(add(out, 3328), e_sub(e_add(mload(add(st, 160)), 0x8ffd96bbf9c9c81d), mload(add(wires, 4096))))
        mstore(add(tmp, 160), e_sbox(mload(add(wires, 4096))))
        mstore(add(out, 3360), e_sub(e_add(mload(add(st, 192)), 0x70fc91eb5937085c), mload(add(wires, 4128))))
        mstore(add(tmp, 192), e_sbox(mload(add(wires, 4128))))
        mstore(add(out, 3392), e_sub(e_add(mload(add(st, 224)), 0x7f795e2a5f915440), mload(add(wires, 4160))))
        mstore(add(tmp, 224), e_sbox(mload(add(wires, 4160))))
        mstore(add(out, 3424), e_sub(e_add(mload(add(st, 256)), 0x4543d9df5476d3cb), mload(add(wires, 4192))))
        mstore(add(tmp, 256), e_sbox(mload(add(wires, 4192))))
        mstore(add(out, 3456), e_sub(e_add(mload(add(st, 288)), 0xf172d73e004fc90d), mload(add(wires, 4224))))
        mstore(add(tmp, 288), e_sbox(mload(add(wires, 4224))))
        mstore(add(out, 3488), e_sub(e_add(mload(add(st, 320)), 0xdfd1c4febcc81238), mload(add(wires, 4256))))
        mstore(add(tmp, 320), e_sbox(mload(add(wires, 4256))))
        mstore(add(out, 3520), e_sub(e_add(mload(add(st, 352)), 0xbc8dfb627fe558fc), mload(add(wires, 4288))))
        mstore(add(tmp, 352), e_sbox(mload(add(wires, 4288))))
        mstore(add(st, 0), e_red(add(mul(mload(add(tmp, 0)), 25), add(mul(mload(add(tmp, 32)), 15), add(mul(mload(add(tmp, 64)), 41), add(mul(mload(add(tmp, 96)), 16), add(mul(mload(add(tmp, 128)), 2), add(mul(mload(add(tmp, 160)), 28), add(mul(mload(add(tmp, 192)), 13), add(mul(mload(add(tmp, 224)), 13), add(mul(mload(add(tmp, 256)), 39), add(mul(mload(add(tmp, 288)), 18), add(mul(mload(add(tmp, 320)), 34), mul(mload(add(tmp, 352)), 20))))))))))))))
        mstore(add(st, 32), e_red(add(mul(mload(add(tmp, 0)), 20), add(mul(mload(add(tmp, 32)), 17), add(mul(mload(add(tmp, 64)), 15), add(mul(mload(add(tmp, 96)), 41), add(mul(mload(add(tmp, 128)), 16), add(mul(mload(add(tmp, 160)), 2), add(mul(mload(add(tmp, 192)), 28), add(mul(mload(add(tmp, 224)), 13), add(mul(mload(add(tmp, 256)), 13), add(mul(mload(add(tmp, 288)), 39), add(mul(mload(add(tmp, 320)), 18), mul(mload(add(tmp, 352)), 34))))))))))))))
        mstore(add(st, 64), e_red(add(mul(mload(add(tmp, 0)), 34), add(mul(mload(add(tmp, 32)), 20), add(mul(mload(add(tmp, 64)), 17), add(mul(mload(add(tmp, 96)), 15), add(mul(mload(add(tmp, 128)), 41), add(mul(mload(add(tmp, 160)), 16), add(mul(mload(add(tmp, 192)), 2), add(mul(mload(add(tmp, 224)), 28), add(mul(mload(add(tmp, 256)), 13), add(mul(mload(add(tmp, 288)), 13), add(mul(mload(add(tmp, 320)), 39), mul(mload(add(tmp, 352)), 18))))))))))))))
        mstore(add(st, 96), e_red(add(mul(mload(add(tmp, 0)), 18), add(mul(mload(add(tmp, 32)), 34), add(mul(mload(add(tmp, 64)), 20), add(mul(mload(add(tmp, 96)), 17), add(mul(mload(add(tmp, 128)), 15), add(mul(mload(add(tmp, 160)), 41), add(mul(mload(add(tmp, 192)), 16), add(mul(mload(add(tmp, 224)), 2), add(mul(mload(add(tmp, 256)), 28), add(mul(mload(add(tmp, 288)), 13), add(mul(mload(add(tmp, 320)), 13), mul(mload(add(tmp, 352)), 39))))))))))))))
        mstore(add(st, 128), e_red(add(mul(mload(add(tmp, 0)), 39), add(mul(mload(add(tmp, 32)), 18), add(mul(mload(add(tmp, 64)), 34), add(mul(mload(add(tmp, 96)), 20), add(mul(mload(add(tmp, 128)), 17), add(mul(mload(add(tmp, 160)), 15), add(mul(mload(add(tmp, 192)), 41), add(mul(mload(add(tmp, 224)), 16), add(mul(mload(add(tmp, 256)), 2), add(mul(mload(add(tmp, 288)), 28), add(mul(mload(add(tmp, 320)), 13), mul(mload(add(tmp, 352)), 13))))))))))))))
        mstore(add(st, 160), e_red(add(mul(mload(add(tmp, 0)), 13), add(mul(mload(add(tmp, 32)), 39), add(mul(mload(add(tmp, 64)), 18), add(mul(mload(add(tmp, 96)), 34), add(mul(mload(add(tmp, 128)), 20), add(mul(mload(add(tmp, 160)), 17), add(mul(mload(add(tmp, 192)), 15), add(mul(mload(add(tmp, 224)), 41), add(mul(mload(add(tmp, 256)), 16), add(mul(mload(add(tmp, 288)), 2), add(mul(mload(add(tmp, 320)), 28), mul(mload(add(tmp, 352)), 13))))))))))))))
        mstore(add(st, 192), e_red(add(mul(mload(add(tmp, 0)), 13), add(mul(mload(add(tmp, 32)), 13), add(mul(mload(add(tmp, 64)), 39), add(mul(mload(add(tmp, 96)), 18), add(mul(mload(add(tmp, 128)), 34), add(mul(mload(add(tmp, 160)), 20), add(mul(mload(add(tmp, 192)), 17), add(mul(mload(add(tmp, 224)), 15), add(mul(mload(add(tmp, 256)), 41), add(mul(mload(add(tmp, 288)), 16), add(mul(mload(add(tmp, 320)), 2), mul(mload(add(tmp, 352)), 28))))))))))))))
        mstore(add(st, 224), e_red(add(mul(mload(add(tmp, 0)), 28), add(mul(mload(add(tmp, 32)), 13), add(mul(mload(add(tmp, 64)), 13), add(mul(mload(add(tmp, 96)), 39), add(mul(mload(add(tmp, 128)), 18), add(mul(mload(add(tmp, 160)), 34), add(mul(mload(add(tmp, 192)), 20), add(mul(mload(add(tmp, 224)), 17), add(mul(mload(add(tmp, 256)), 15), add(mul(mload(add(tmp, 288)), 41), add(mul(mload(add(tmp, 320)), 16), mul(mload(add(tmp, 352)), 2))))))))))))))
        mstore(add(st, 256), e_red(add(mul(mload(add(tmp, 0)), 2), add(mul(mload(add(tmp, 32)), 28), add(mul(mload(add(tmp, 64)), 13), add(mul(mload(add(tmp, 96)), 13), add(mul(mload(add(tmp, 128)), 39), add(mul(mload(add(tmp, 160)), 18), add(mul(mload(add(tmp, 192)), 34), add(mul(mload(add(tmp, 224)), 20), add(mul(mload(add(tmp, 256)), 17), add(mul(mload(add(tmp, 288)), 15), add(mul(mload(add(tmp, 320)), 41), mul(mload(add(tmp, 352)), 16))))))))))))))
        mstore(add(st, 288), e_red(add(mul(mload(add(tmp, 0)), 16), add(mul(mload(add(tmp, 32)), 2), add(mul(mload(add(tmp, 64)), 28), add(mul(mload(add(tmp, 96)), 13), add(mul(mload(add(tmp, 128)), 13), add(mul(mload(add(tmp, 160)), 39), add(mul(mload(add(tmp, 192)), 18), add(mul(mload(add(tmp, 224)), 34), add(mul(mload(add(tmp, 256)), 20), add(mul(mload(add(tmp, 288)), 17), add(mul(mload(add(tmp, 320)), 15), mul(mload(add(tmp, 352)), 41))))))))))))))
        mstore(add(st, 320), e_red(add(mul(mload(add(tmp, 0)), 41), add(mul(mload(add(tmp, 32)), 16), add(mul(mload(add(tmp, 64)), 2), add(mul(mload(add(tmp, 96)), 28), add(mul(mload(add(tmp, 128)), 13), add(mul(mload(add(tmp, 160)), 13), add(mul(mload(add(tmp, 192)), 39), add(mul(mload(add(tmp, 224)), 18), add(mul(mload(add(tmp, 256)), 34), add(mul(mload(add(tmp, 288)), 20), add(mul(mload(add(tmp, 320)), 17), mul(mload(add(tmp, 352)), 15))))))))))))))
        mstore(add(st, 352), e_red(add(mul(mload(add(tmp, 0)), 15), add(mul(mload(add(tmp, 32)), 41), add(mul(mload(add(tmp, 64)), 16), add(mul(mload(add(tmp, 96)), 2), add(mul(mload(add(tmp, 128)), 28), add(mul(mload(add(tmp, 160)), 13), add(mul(mload(add(tmp, 192)), 13), add(mul(mload(add(tmp, 224)), 39), add(mul(mload(add(tmp, 256)), 18), add(mul(mload(add(tmp, 288)), 34), add(mul(mload(add(tmp, 320)), 20), mul(mload(add(tmp, 352)), 17))))))))))))))
        mstore(add(out, 3552), e_sub(mload(add(st, 0)), mload(add(wires, 384))))
        mstore(add(out, 3584), e_sub(mload(add(st, 32)), mload(add(wires, 416))))
        mstore(add(out, 3616), e_sub(mload(add(st, 64)), mload(add(wires, 448))))
        mstore(add(out, 3648), e_sub(mload(add(st, 96)), mload(add(wires, 480))))
        mstore(add(out, 3680), e_sub(mload(add(st, 128)), mload(add(wires, 512))))
        mstore(add(out, 3712), e_sub(mload(add(st, 160)), mload(add(wires, 544))))
        mstore(add(out, 3744), e_sub(mload(add(st, 192)), mload(add(wires, 576))))
        mstore(add(out, 3776), e_sub(mload(add(st, 224)), mload(add(wires, 608))))
        mstore(add(out, 3808), e_sub(mload(add(st, 256)), mload(add(wires, 640))))
        mstore(add(out, 3840), e_sub(mload(add(st, 288)), mload(add(wires, 672))))
        mstore(add(out, 3872), e_sub(mload(add(st, 320)), mload(add(wires, 704))))
        mstore(add(out, 3904), e_sub(mload(add(st, 352)), mload(add(wires, 736))))
    }
}
function evalPoseidonMds(uint256 wires, uint256, uint256, uint256 out) internal pure {
    assembly ("memory-safe") {

        function f_add(a, b) -> r { r := addmod(a, b, 0xffffffff00000001) }
        function f_sub(a, b) -> r { r := addmod(a, sub(0xffffffff00000001, b), 0xffffffff00000001) }
        function f_mul(a, b) -> r { r := mulmod(a, b, 0xffffffff00000001) }
        function f_pow(a, e) -> r {
            r := 1
            for {} e {} {
                if and(e, 1) { r := mulmod(r, a, 0xffffffff00000001) }
                a := mulmod(a, a, 0xffffffff00000001)
                e := shr(1, e)
            }
        }
        function f_inv(a) -> r { r := f_pow(a, 0xfffffffeffffffff) }
        function e_pack(c0, c1) -> r { r := or(c0, shl(128, c1)) }
        function e_c0(a) -> r { r := and(a, 0xffffffffffffffffffffffffffffffff) }
        function e_c1(a) -> r { r := shr(128, a) }
        function e_add(a, b) -> r {
            r := or(addmod(e_c0(a), e_c0(b), 0xffffffff00000001),
                    shl(128, addmod(shr(128, a), shr(128, b), 0xffffffff00000001)))
        }
        function e_sub(a, b) -> r {
            r := or(addmod(e_c0(a), sub(0xffffffff00000001, e_c0(b)), 0xffffffff00000001),
                    shl(128, addmod(shr(128, a), sub(0xffffffff00000001, shr(128, b)), 0xffffffff00000001)))
        }
        function e_neg(a) -> r { r := e_sub(0, a) }
        function e_mul(a, b) -> r {
            let a0 := e_c0(a)
            let a1 := shr(128, a)
            let b0 := e_c0(b)
            let b1 := shr(128, b)
            r := or(addmod(mul(a0, b0), mul(7, mul(a1, b1)), 0xffffffff00000001),
                    shl(128, addmod(mul(a0, b1), mul(a1, b0), 0xffffffff00000001)))
        }
        function e_sq(a) -> r { r := e_mul(a, a) }
        function e_smul(a, s) -> r {
            r := or(mulmod(e_c0(a), s, 0xffffffff00000001), shl(128, mulmod(shr(128, a), s, 0xffffffff00000001)))
        }
        function e_inv(a) -> r {
            let a0 := e_c0(a)
            let a1 := shr(128, a)
            let n := addmod(mulmod(a0, a0, 0xffffffff00000001),
                            sub(0xffffffff00000001, mulmod(7, mulmod(a1, a1, 0xffffffff00000001), 0xffffffff00000001)),
                            0xffffffff00000001)
            let ni := f_inv(n)
            r := or(mulmod(a0, ni, 0xffffffff00000001),
                    shl(128, mulmod(sub(0xffffffff00000001, a1), ni, 0xffffffff00000001)))
        }
        function e_at(ptr, i) -> r { r := mload(add(ptr, shl(5, i))) }

        function e_red(a) -> r {
            r := or(mod(and(a, 0xffffffffffffffffffffffffffffffff), 0xffffffff00000001),
                    shl(128, mod(shr(128, a), 0xffffffff00000001)))
        }
        mstore(out, e_sub(mload(add(wires, 768)), e_red(add(mul(mload(wires), 25), add(mul(mload(add(wires, 64)), 15), add(mul(mload(add(wires, 128)), 41), add(mul(mload(add(wires, 192)), 16), add(mul(mload(add(wires, 256)), 2), add(mul(mload(add(wires, 320)), 28), add(mul(mload(add(wires, 384)), 13), add(mul(mload(add(wires, 448)), 13), add(mul(mload(add(wires, 512)), 39), add(mul(mload(add(wires, 576)), 18), add(mul(mload(add(wires, 640)), 34), mul(mload(add(wires, 704)), 20)))))))))))))))
        mstore(add(out, 32), e_sub(mload(add(wires, 800)), e_red(add(mul(mload(add(wires, 32)), 25), add(mul(mload(add(wires, 96)), 15), add(mul(mload(add(wires, 160)), 41), add(mul(mload(add(wires, 224)), 16), add(mul(mload(add(wires, 288)), 2), add(mul(mload(add(wires, 352)), 28), add(mul(mload(add(wires, 416)), 13), add(mul(mload(add(wires, 480)), 13), add(mul(mload(add(wires, 544)), 39), add(mul(mload(add(wires, 608)), 18), add(mul(mload(add(wires, 672)), 34), mul(mload(add(wires, 736)), 20)))))))))))))))
        mstore(add(out, 64), e_sub(mload(add(wires, 832)), e_red(add(mul(mload(wires), 20), add(mul(mload(add(wires, 64)), 17), add(mul(mload(add(wires, 128)), 15), add(mul(mload(add(wires, 192)), 41), add(mul(mload(add(wires, 256)), 16), add(mul(mload(add(wires, 320)), 2), add(mul(mload(add(wires, 384)), 28), add(mul(mload(add(wires, 448)), 13), add(mul(mload(add(wires, 512)), 13), add(mul(mload(add(wires, 576)), 39), add(mul(mload(add(wires, 640)), 18), mul(mload(add(wires, 704)), 34)))))))))))))))
        mstore(add(out, 96), e_sub(mload(add(wires, 864)), e_red(add(mul(mload(add(wires, 32)), 20), add(mul(mload(add(wires, 96)), 17), add(mul(mload(add(wires, 160)), 15), add(mul(mload(add(wires, 224)), 41), add(mul(mload(add(wires, 288)), 16), add(mul(mload(add(wires, 352)), 2), add(mul(mload(add(wires, 416)), 28), add(mul(mload(add(wires, 480)), 13), add(mul(mload(add(wires, 544)), 13), add(mul(mload(add(wires, 608)), 39), add(mul(mload(add(wires, 672)), 18), mul(mload(add(wires, 736)), 34)))))))))))))))
        mstore(add(out, 128), e_sub(mload(add(wires, 896)), e_red(add(mul(mload(wires), 34), add(mul(mload(add(wires, 64)), 20), add(mul(mload(add(wires, 128)), 17), add(mul(mload(add(wires, 192)), 15), add(mul(mload(add(wires, 256)), 41), add(mul(mload(add(wires, 320)), 16), add(mul(mload(add(wires, 384)), 2), add(mul(mload(add(wires, 448)), 28), add(mul(mload(add(wires, 512)), 13), add(mul(mload(add(wires, 576)), 13), add(mul(mload(add(wires, 640)), 39), mul(mload(add(wires, 704)), 18)))))))))))))))
        mstore(add(out, 160), e_sub(mload(add(wires, 928)), e_red(add(mul(mload(add(wires, 32)), 34), add(mul(mload(add(wires, 96)), 20), add(mul(mload(add(wires, 160)), 17), add(mul(mload(add(wires, 224)), 15), add(mul(mload(add(wires, 288)), 41), add(mul(mload(add(wires, 352)), 16), add(mul(mload(add(wires, 416)), 2), add(mul(mload(add(wires, 480)), 28), add(mul(mload(add(wires, 544)), 13), add(mul(mload(add(wires, 608)), 13), add(mul(mload(add(wires, 672)), 39), mul(mload(add(wires, 736)), 18)))))))))))))))
        mstore(add(out, 192), e_sub(mload(add(wires, 960)), e_red(add(mul(mload(wires), 18), add(mul(mload(add(wires, 64)), 34), add(mul(mload(add(wires, 128)), 20), add(mul(mload(add(wires, 192)), 17), add(mul(mload(add(wires, 256)), 15), add(mul(mload(add(wires, 320)), 41), add(mul(mload(add(wires, 384)), 16), add(mul(mload(add(wires, 448)), 2), add(mul(mload(add(wires, 512)), 28), add(mul(mload(add(wires, 576)), 13), add(mul(mload(add(wires, 640)), 13), mul(mload(add(wires, 704)), 39)))))))))))))))
        mstore(add(out, 224), e_sub(mload(add(wires, 992)), e_red(add(mul(mload(add(wires, 32)), 18), add(mul(mload(add(wires, 96)), 34), add(mul(mload(add(wires, 160)), 20), add(mul(mload(add(wires, 224)), 17), add(mul(mload(add(wires, 288)), 15), add(mul(mload(add(wires, 352)), 41), add(mul(mload(add(wires, 416)), 16), add(mul(mload(add(wires, 480)), 2), add(mul(mload(add(wires, 544)), 28), add(mul(mload(add(wires, 608)), 13), add(mul(mload(add(wires, 672)), 13), mul(mload(add(wires, 736)), 39)))))))))))))))
        mstore(add(out, 256), e_sub(mload(add(wires, 1024)), e_red(add(mul(mload(wires), 39), add(mul(mload(add(wires, 64)), 18), add(mul(mload(add(wires, 128)), 34), add(mul(mload(add(wires, 192)), 20), add(mul(mload(add(wires, 256)), 17), add(mul(mload(add(wires, 320)), 15), add(mul(mload(add(wires, 384)), 41), add(mul(mload(add(wires, 448)), 16), add(mul(mload(add(wires, 512)), 2), add(mul(mload(add(wires, 576)), 28), add(mul(mload(add(wires, 640)), 13), mul(mload(add(wires, 704)), 13)))))))))))))))
        mstore(add(out, 288), e_sub(mload(add(wires, 1056)), e_red(add(mul(mload(add(wires, 32)), 39), add(mul(mload(add(wires, 96)), 18), add(mul(mload(add(wires, 160)), 34), add(mul(mload(add(wires, 224)), 20), add(mul(mload(add(wires, 288)), 17), add(mul(mload(add(wires, 352)), 15), add(mul(mload(add(wires, 416)), 41), add(mul(mload(add(wires, 480)), 16), add(mul(mload(add(wires, 544)), 2), add(mul(mload(add(wires, 608)), 28), add(mul(mload(add(wires, 672)), 13), mul(mload(add(wires, 736)), 13)))))))))))))))
        mstore(add(out, 320), e_sub(mload(add(wires, 1088)), e_red(add(mul(mload(wires), 13), add(mul(mload(add(wires, 64)), 39), add(mul(mload(add(wires, 128)), 18), add(mul(mload(add(wires, 192)), 34), add(mul(mload(add(wires, 256)), 20), add(mul(mload(add(wires, 320)), 17), add(mul(mload(add(wires, 384)), 15), add(mul(mload(add(wires, 448)), 41), add(mul(mload(add(wires, 512)), 16), add(mul(mload(add(wires, 576)), 2), add(mul(mload(add(wires, 640)), 28), mul(mload(add(wires, 704)), 13)))))))))))))))
        mstore(add(out, 352), e_sub(mload(add(wires, 1120)), e_red(add(mul(mload(add(wires, 32)), 13), add(mul(mload(add(wires, 96)), 39), add(mul(mload(add(wires, 160)), 18), add(mul(mload(add(wires, 224)), 34), add(mul(mload(add(wires, 288)), 20), add(mul(mload(add(wires, 352)), 17), add(mul(mload(add(wires, 416)), 15), add(mul(mload(add(wires, 480)), 41), add(mul(mload(add(wires, 544)), 16), add(mul(mload(add(wires, 608)), 2), add(mul(mload(add(wires, 672)), 28), mul(mload(add(wires, 736)), 13)))))))))))))))
        mstore(add(out, 384), e_sub(mload(add(wires, 1152)), e_red(add(mul(mload(wires), 13), add(mul(mload(add(wires, 64)), 13), add(mul(mload(add(wires, 128)), 39), add(mul(mload(add(wires, 192)), 18), add(mul(mload(add(wires, 256)), 34), add(mul(mload(add(wires, 320)), 20), add(mul(mload(add(wires, 384)), 17), add(mul(mload(add(wires, 448)), 15), add(mul(mload(add(wires, 512)), 41), add(mul(mload(add(wires, 576)), 16), add(mul(mload(add(wires, 640)), 2), mul(mload(add(wires, 704)), 28)))))))))))))))
        mstore(add(out, 416), e_sub(mload(add(wires, 1184)), e_red(add(mul(mload(add(wires, 32)), 13), add(mul(mload(add(wires, 96)), 13), add(mul(mload(add(wires, 160)), 39), add(mul(mload(add(wires, 224)), 18), add(mul(mload(add(wires, 288)), 34), add(mul(mload(add(wires, 352)), 20), add(mul(mload(add(wires, 416)), 17), add(mul(mload(add(wires, 480)), 15), add(mul(mload(add(wires, 544)), 41), add(mul(mload(add(wires, 608)), 16), add(mul(mload(add(wires, 672)), 2), mul(mload(add(wires, 736)), 28)))))))))))))))
        mstore(add(out, 448), e_sub(mload(add(wires, 1216)), e_red(add(mul(mload(wires), 28), add(mul(mload(add(wires, 64)), 13), add(mul(mload(add(wires, 128)), 13), add(mul(mload(add(wires, 192)), 39), add(mul(mload(add(wires, 256)), 18), add(mul(mload(add(wires, 320)), 34), add(mul(mload(add(wires, 384)), 20), add(mul(mload(add(wires, 448)), 17), add(mul(mload(add(wires, 512)), 15), add(mul(mload(add(wires, 576)), 41), add(mul(mload(add(wires, 640)), 16), mul(mload(add(wires, 704)), 2)))))))))))))))
        mstore(add(out, 480), e_sub(mload(add(wires, 1248)), e_red(add(mul(mload(add(wires, 32)), 28), add(mul(mload(add(wires, 96)), 13), add(mul(mload(add(wires, 160)), 13), add(mul(mload(add(wires, 224)), 39), add(mul(mload(add(wires, 288)), 18), add(mul(mload(add(wires, 352)), 34), add(mul(mload(add(wires, 416)), 20), add(mul(mload(add(wires, 480)), 17), add(mul(mload(add(wires, 544)), 15), add(mul(mload(add(wires, 608)), 41), add(mul(mload(add(wires, 672)), 16), mul(mload(add(wires, 736)), 2)))))))))))))))
        mstore(add(out, 512), e_sub(mload(add(wires, 1280)), e_red(add(mul(mload(wires), 2), add(mul(mload(add(wires, 64)), 28), add(mul(mload(add(wires, 128)), 13), add(mul(mload(add(wires, 192)), 13), add(mul(mload(add(wires, 256)), 39), add(mul(mload(add(wires, 320)), 18), add(mul(mload(add(wires, 384)), 34), add(mul(mload(add(wires, 448)), 20), add(mul(mload(add(wires, 512)), 17), add(mul(mload(add(wires, 576)), 15), add(mul(mload(add(wires, 640)), 41), mul(mload(add(wires, 704)), 16)))))))))))))))
        mstore(add(out, 544), e_sub(mload(add(wires, 1312)), e_red(add(mul(mload(add(wires, 32)), 2), add(mul(mload(add(wires, 96)), 28), add(mul(mload(add(wires, 160)), 13), add(mul(mload(add(wires, 224)), 13), add(mul(mload(add(wires, 288)), 39), add(mul(mload(add(wires, 352)), 18), add(mul(mload(add(wires, 416)), 34), add(mul(mload(add(wires, 480)), 20), add(mul(mload(add(wires, 544)), 17), add(mul(mload(add(wires, 608)), 15), add(mul(mload(add(wires, 672)), 41), mul(mload(add(wires, 736)), 16)))))))))))))))
        mstore(add(out, 576), e_sub(mload(add(wires, 1344)), e_red(add(mul(mload(wires), 16), add(mul(mload(add(wires, 64)), 2), add(mul(mload(add(wires, 128)), 28), add(mul(mload(add(wires, 192)), 13), add(mul(mload(add(wires, 256)), 13), add(mul(mload(add(wires, 320)), 39), add(mul(mload(add(wires, 384)), 18), add(mul(mload(add(wires, 448)), 34), add(mul(mload(add(wires, 512)), 20), add(mul(mload(add(wires, 576)), 17), add(mul(mload(add(wires, 640)), 15), mul(mload(add(wires, 704)), 41)))))))))))))))
        mstore(add(out, 608), e_sub(mload(add(wires, 1376)), e_red(add(mul(mload(add(wires, 32)), 16), add(mul(mload(add(wires, 96)), 2), add(mul(mload(add(wires, 160)), 28), add(mul(mload(add(wires, 224)), 13), add(mul(mload(add(wires, 288)), 13), add(mul(mload(add(wires, 352)), 39), add(mul(mload(add(wires, 416)), 18), add(mul(mload(add(wires, 480)), 34), add(mul(mload(add(wires, 544)), 20), add(mul(mload(add(wires, 608)), 17), add(mul(mload(add(wires, 672)), 15), mul(mload(add(wires, 736)), 41)))))))))))))))
        mstore(add(out, 640), e_sub(mload(add(wires, 1408)), e_red(add(mul(mload(wires), 41), add(mul(mload(add(wires, 64)), 16), add(mul(mload(add(wires, 128)), 2), add(mul(mload(add(wires, 192)), 28), add(mul(mload(add(wires, 256)), 13), add(mul(mload(add(wires, 320)), 13), add(mul(mload(add(wires, 384)), 39), add(mul(mload(add(wires, 448)), 18), add(mul(mload(add(wires, 512)), 34), add(mul(mload(add(wires, 576)), 20), add(mul(mload(add(wires, 640)), 17), mul(mload(add(wires, 704)), 15)))))))))))))))
        mstore(add(out, 672), e_sub(mload(add(wires, 1440)), e_red(add(mul(mload(add(wires, 32)), 41), add(mul(mload(add(wires, 96)), 16), add(mul(mload(add(wires, 160)), 2), add(mul(mload(add(wires, 224)), 28), add(mul(mload(add(wires, 288)), 13), add(mul(mload(add(wires, 352)), 13), add(mul(mload(add(wires, 416)), 39), add(mul(mload(add(wires, 480)), 18), add(mul(mload(add(wires, 544)), 34), add(mul(mload(add(wires, 608)), 20), add(mul(mload(add(wires, 672)), 17), mul(mload(add(wires, 736)), 15)))))))))))))))
        mstore(add(out, 704), e_sub(mload(add(wires, 1472)), e_red(add(mul(mload(wires), 15), add(mul(mload(add(wires, 64)), 41), add(mul(mload(add(wires, 128)), 16), add(mul(mload(add(wires, 192)), 2), add(mul(mload(add(wires, 256)), 28), add(mul(mload(add(wires, 320)), 13), add(mul(mload(add(wires, 384)), 13), add(mul(mload(add(wires, 448)), 39), add(mul(mload(add(wires, 512)), 18), add(mul(mload(add(wires, 576)), 34), add(mul(mload(add(wires, 640)), 20), mul(mload(add(wires, 704)), 17)))))))))))))))
        mstore(add(out, 736), e_sub(mload(add(wires, 1504)), e_red(add(mul(mload(add(wires, 32)), 15), add(mul(mload(add(wires, 96)), 41), add(mul(mload(add(wires, 160)), 16), add(mul(mload(add(wires, 224)), 2), add(mul(mload(add(wires, 288)), 28), add(mul(mload(add(wires, 352)), 13), add(mul(mload(add(wires, 416)), 13), add(mul(mload(add(wires, 480)), 39), add(mul(mload(add(wires, 544)), 18), add(mul(mload(add(wires, 608)), 34), add(mul(mload(add(wires, 672)), 20), mul(mload(add(wires, 736)), 17)))))))))))))))
    }
}
}

contract PoseidonGatesTmpTest is Test {
    function _p(uint256[] memory a) internal pure returns (uint256 r) { assembly { r := add(a, 0x20) } }
    function test_evalPoseidon() public {
        uint256[] memory w = new uint256[](135);
        w[0] = 0x000000000000000028efe333b266f1030000000000000000bdd732262feb6e95;
        w[1] = 0x0000000000000000581ce1ff0e4ae394000000000000000047526757130f9f52;
        w[2] = 0x0000000000000000de4431fa3c80db06000000000000000009bc585a244823f2;
        w[3] = 0x0000000000000000ccf635ee9e9e2fa4000000000000000037e9671c45376d5d;
        w[4] = 0x00000000000000009e54d738297f77ae00000000000000005705b8770b3d7dd5;
        w[5] = 0x00000000000000007e348a0e451650be00000000000000003474724a775b19bf;
        w[6] = 0x0000000000000000851f977347ed6db70000000000000000836ded897f3e46e6;
        w[7] = 0x0000000000000000341452c54d7c33f20000000000000000aa47e31c02e78edc;
        w[8] = 0x00000000000000007ed90003f67f9e1d00000000000000001a83d752f35eba75;
        w[9] = 0x0000000000000000b05eca1a2972b860000000000000000017eadff448a86a07;
        w[10] = 0x000000000000000012b3a6dd261f6e990000000000000000f513444b6455a3e8;
        w[11] = 0x00000000000000009eac75d45474c8910000000000000000998d8fb100ca15d5;
        w[12] = 0x0000000000000000470ea7e37990e511000000000000000012fc33f229b7b950;
        w[13] = 0x0000000000000000c9167e198fb9991f0000000000000000bdf25b150620a835;
        w[14] = 0x0000000000000000b1b59f1b53585e430000000000000000f1222631cdc86d07;
        w[15] = 0x0000000000000000d72c1692509d2c5e0000000000000000ca376da14213d975;
        w[16] = 0x0000000000000000c83b65023bcb7fde0000000000000000a5a7fe4e63a4f49d;
        w[17] = 0x000000000000000061492dc04af06e430000000000000000a3351c7fc9a4c255;
        w[18] = 0x0000000000000000441c09c50b29db410000000000000000102267f0f38c5511;
        w[19] = 0x0000000000000000178b25ac7ebbdf840000000000000000c2de56b8961d5f40;
        w[20] = 0x000000000000000028b7d294ce2b6939000000000000000087bebc2706d02922;
        w[21] = 0x0000000000000000c6582fcba2a4af11000000000000000045e78cf4fe332d8c;
        w[22] = 0x00000000000000005246b314ecd58fca0000000000000000ab155b91ff450033;
        w[23] = 0x0000000000000000247b01271f2670d7000000000000000015a099069c7d64aa;
        w[24] = 0x0000000000000000f828b6a4c0f08cef0000000000000000813f3c933ea15b6e;
        w[25] = 0x000000000000000030415e8a6be9500800000000000000005e402c0a9dd5bb41;
        w[26] = 0x000000000000000051f578ece4c68f5b00000000000000002781afb139cc2d24;
        w[27] = 0x0000000000000000d28f82f00d3cd44b000000000000000006ad07051c9dfa35;
        w[28] = 0x00000000000000008e53b8da0059e8ba0000000000000000af080b41cdf27a01;
        w[29] = 0x0000000000000000084235b62dc64cba0000000000000000e00926ac0ba9b7b0;
        w[30] = 0x0000000000000000f6fd4f0b3ac5ea86000000000000000042577fcef4571016;
        w[31] = 0x00000000000000000b7dcbd429a0baaa00000000000000009c08f817bb9e9346;
        w[32] = 0x00000000000000009f87c032b7d877b30000000000000000533054eb566050be;
        w[33] = 0x00000000000000004efc2d8d09ce56160000000000000000fc9a899808826b54;
        w[34] = 0x0000000000000000eca4fb90109cfd660000000000000000e43bef8e23a8e8bd;
        w[35] = 0x0000000000000000ac434f160c2d685b0000000000000000e59d8464bff424ca;
        w[36] = 0x0000000000000000d5cf5a190b77ba6c000000000000000029f427733ef160f2;
        w[37] = 0x0000000000000000d11a235cac10079d0000000000000000cc4304242b442e02;
        w[38] = 0x0000000000000000cf70912a6182764e00000000000000001956686f65e8ea2f;
        w[39] = 0x00000000000000007f14d24da27a141b00000000000000005151791c826e623c;
        w[40] = 0x0000000000000000baf4393822b313dd0000000000000000039e786c344b99fd;
        w[41] = 0x00000000000000005982c30dc59e1cc300000000000000003f7044e1c9d3c684;
        w[42] = 0x000000000000000034420f7666bd87fa0000000000000000bdf61412eca55653;
        w[43] = 0x0000000000000000b9deb390b6f6caf40000000000000000cdb5536954a7365a;
        w[44] = 0x0000000000000000b7777cab72f9bd5a0000000000000000d9a02193c1737102;
        w[45] = 0x000000000000000074c8cfaf678dafc70000000000000000c1da24c4913fd717;
        w[46] = 0x000000000000000081627b0880b704d000000000000000002b9926a454cbd273;
        w[47] = 0x00000000000000000d3e067731dfb4750000000000000000b1b847dda6568d1e;
        w[48] = 0x0000000000000000366534d85767330c0000000000000000ac0cedd499bbd377;
        w[49] = 0x000000000000000039feecac1eb4a1980000000000000000b6ebc879289e42cb;
        w[50] = 0x00000000000000002966c1e6ebf6163f0000000000000000b595252f8b1b7c7a;
        w[51] = 0x0000000000000000cf2855f5f6be66620000000000000000c6ea43d0c2f62400;
        w[52] = 0x00000000000000000740c7182a7c6f5f0000000000000000b8f62402c44f7b5a;
        w[53] = 0x00000000000000006b03db11336e58b80000000000000000350d3d6e37e72362;
        w[54] = 0x0000000000000000d2d93c0cb412aad4000000000000000041a22bb662d42b43;
        w[55] = 0x00000000000000009acddf11d5a56af6000000000000000021550dcd81a94de9;
        w[56] = 0x0000000000000000f4299c04a011ef1d000000000000000047664a2246820d9e;
        w[57] = 0x00000000000000006247b91f9b85e34d00000000000000003465c0a556439ad9;
        w[58] = 0x0000000000000000e04485f538a52b2200000000000000004083d87b7c511050;
        w[59] = 0x0000000000000000fe5ac50ca8250a6300000000000000007f7ca3c903f27879;
        w[60] = 0x0000000000000000d601c24cbf496cf60000000000000000dbe4f5e3b12ddb4e;
        w[61] = 0x00000000000000000c75a227c26f574e00000000000000005bb34ae5f9335636;
        w[62] = 0x00000000000000001b4a52d8c0ce162f0000000000000000320117a29944770d;
        w[63] = 0x000000000000000063e5f17de9f1570900000000000000000cf0edb8ac7e566c;
        w[64] = 0x0000000000000000824222181b03806600000000000000000afadf2549ae1905;
        w[65] = 0x00000000000000007210b4b23a45e2fc0000000000000000c3a3abffb25b30f7;
        w[66] = 0x00000000000000002e0889c1f8f123d50000000000000000f89ed31ce6efe701;
        w[67] = 0x000000000000000095cef5afecd57cce0000000000000000f24d5ebdb10a0dad;
        w[68] = 0x0000000000000000a2ce728b70c84ede0000000000000000f908b3fcea64b1ae;
        w[69] = 0x00000000000000007b4d0c78b45a22fc00000000000000002ea2c44d3100f67d;
        w[70] = 0x0000000000000000ddccd88f37eb1f920000000000000000a2697a9799d4ce7a;
        w[71] = 0x0000000000000000c5a6535062d6b7a50000000000000000efa578d926495458;
        w[72] = 0x000000000000000004c68025a20847c2000000000000000071a5ce09f06c577f;
        w[73] = 0x0000000000000000b51b20b1463ff9b0000000000000000079efa02c652a6859;
        w[74] = 0x0000000000000000c38e6d621e1822d50000000000000000aeb6825342d11812;
        w[75] = 0x00000000000000009f3fb52fcba64c5f00000000000000009983675f295528ab;
        w[76] = 0x0000000000000000d1dab9fbc85f668b0000000000000000707b3fc82bb2ea6f;
        w[77] = 0x0000000000000000ae42f9021c48da890000000000000000de1d4013310cdc1c;
        w[78] = 0x000000000000000098f1bf7e39385a010000000000000000f6172e9f12cd553a;
        w[79] = 0x00000000000000009b67df77cbc3a2ed0000000000000000638a61aa3d30eb93;
        w[80] = 0x00000000000000005ee5cf4612a2edde00000000000000000ae78c330bbec579;
        w[81] = 0x0000000000000000d0596db9b8a9505c0000000000000000efb4932d36c75fb2;
        w[82] = 0x000000000000000083dcf60fd6fffbcb0000000000000000995a5aad9a335739;
        w[83] = 0x000000000000000054494e88f5cb3d430000000000000000a20ce7fa40cfeac3;
        w[84] = 0x00000000000000005922028b521ee65f00000000000000000adf4af22b5f9829;
        w[85] = 0x0000000000000000003382157d35532a00000000000000006a3c08231c6f683d;
        w[86] = 0x0000000000000000596ad34b576d697500000000000000009bb2e8aa3a0c241a;
        w[87] = 0x00000000000000001017ae129ff4cb2a00000000000000006ec15076aa56cd18;
        w[88] = 0x00000000000000001a68b98ec74b06100000000000000000ede3641a2f1b2954;
        w[89] = 0x00000000000000007fd49c9b124497ef0000000000000000f259c1451e087245;
        w[90] = 0x00000000000000006fb35efad67c73e70000000000000000a55be3b7d9c1ad79;
        w[91] = 0x0000000000000000f8df379ba864c5750000000000000000372a24e2afe51569;
        w[92] = 0x0000000000000000e618ebb78a87daa9000000000000000021be704637c0e72d;
        w[93] = 0x0000000000000000835b8e25898fe0910000000000000000358984019f04d5a6;
        w[94] = 0x000000000000000023fc7a24b7b328770000000000000000ca8ea81493615a24;
        w[95] = 0x00000000000000008069e5e4070d9fb800000000000000003ea43c8f998761a8;
        w[96] = 0x00000000000000002d18be92ba79010e00000000000000007e9e9a073c6e2e45;
        w[97] = 0x00000000000000004b76fa29132403c700000000000000008e16ebadd0125038;
        w[98] = 0x0000000000000000a213ffaa7a974df10000000000000000c78d48c6d54d1519;
        w[99] = 0x0000000000000000c5132ba16b087bf50000000000000000a4905aa3082fddd6;
        w[100] = 0x0000000000000000f53b83ad1164c67d00000000000000008c29936aa0ca3518;
        w[101] = 0x000000000000000096d23eb62adf26fd00000000000000008b5934f3d3d2ddfe;
        w[102] = 0x0000000000000000eb35dc6632e33c510000000000000000ec69d2de79dde4d0;
        w[103] = 0x0000000000000000c83ee9488f5bdbf200000000000000002b094569030d9342;
        w[104] = 0x0000000000000000c09ffe1c628eb72b00000000000000006ddccf498d4ae5d1;
        w[105] = 0x0000000000000000c46ae4724985f31100000000000000007e8f2593ef1c6aa3;
        w[106] = 0x000000000000000082914b6c9599338b0000000000000000a887a1b563d056d3;
        w[107] = 0x000000000000000000e110569faa76e800000000000000002dfe7718c57874e1;
        w[108] = 0x000000000000000003324085134b7a950000000000000000ba5393af4c6c3d3c;
        w[109] = 0x00000000000000009914a4dba4fd64fc000000000000000026b89a98e001700b;
        w[110] = 0x0000000000000000e2dd55131dbdc8780000000000000000c385ef34b86d25c7;
        w[111] = 0x0000000000000000759b201b455db7110000000000000000f99551d7bc108d56;
        w[112] = 0x0000000000000000a24b3ac95df2a8e500000000000000001c0b7c125a37c3ae;
        w[113] = 0x00000000000000008a496c50ca17cb8a0000000000000000b9be6e557b371147;
        w[114] = 0x0000000000000000e5377aa305b4afd20000000000000000f2932c67343b177d;
        w[115] = 0x00000000000000007ce92dda907bb34d00000000000000004a4c3788d8195b8c;
        w[116] = 0x0000000000000000082a81555912f4c00000000000000000335dea8c91f3e06b;
        w[117] = 0x0000000000000000cffaab736af38daa000000000000000069c3f6077474d52a;
        w[118] = 0x0000000000000000567716f52af7eef800000000000000002dcb28024b6362c0;
        w[119] = 0x00000000000000003c8179606dc549780000000000000000ff5220778530be74;
        w[120] = 0x0000000000000000bb736d241a5a029500000000000000003a78e4b8f38c6413;
        w[121] = 0x0000000000000000c61a667914392b700000000000000000fe844a9e043594ef;
        w[122] = 0x00000000000000009176b948a2e5a081000000000000000080621fe9d7e2600b;
        w[123] = 0x0000000000000000de39845b549e1dbf00000000000000008c649100c40b7611;
        w[124] = 0x0000000000000000dca3120fe3b9eff40000000000000000ff52d5ce85ec331a;
        w[125] = 0x0000000000000000039ebd41307394ac000000000000000021b90006992dd853;
        w[126] = 0x0000000000000000e8df4d33247ac94f00000000000000004d5f856b1e4239d4;
        w[127] = 0x00000000000000006acce368974e61ee0000000000000000aabdf5832c38ad8c;
        w[128] = 0x0000000000000000035317a13c982b5f0000000000000000d226f8b1add60bc3;
        w[129] = 0x00000000000000004b888d29b1963ce80000000000000000d7c918e108890e3e;
        w[130] = 0x0000000000000000dcebee2bb6d4cb920000000000000000d1b1dcbe441d49c0;
        w[131] = 0x0000000000000000cff7ccb32814daf800000000000000002e7da25b0c9d4078;
        w[132] = 0x0000000000000000966df4867409d4340000000000000000275c64231bd0ed7b;
        w[133] = 0x00000000000000005dd715ca55d209a200000000000000002649c76ac7f8f6c3;
        w[134] = 0x0000000000000000ea137f3a1c64ee7400000000000000004cdd6e5b5f538bf9;
        uint256[] memory e = new uint256[](123);
        e[0] = 0x0000000000000000d4a5626ca2afebe600000000000000002c78ab12dffcccda;
        e[1] = 0x000000000000000013bc35b1f57e22a00000000000000000afe6f41baf08d4fc;
        e[2] = 0x00000000000000007d52bc422f4d6d4600000000000000005ab253c30e221d16;
        e[3] = 0x00000000000000005d2ac50ab702ba35000000000000000068b9b6539a845aac;
        e[4] = 0x000000000000000033a758b24991b2850000000000000000688b97519aff5add;
        e[5] = 0x0000000000000000c0f362039a6b660e0000000000000000ef9be3e9d731c629;
        e[6] = 0x0000000000000000973ce0567b25bbed00000000000000006def5fb8b86f1746;
        e[7] = 0x00000000000000004a0976a3429a557200000000000000004b3196a36f033390;
        e[8] = 0x000000000000000099107a3a416f8a3f0000000000000000587d69bc3ff383b3;
        e[9] = 0x0000000000000000eb19e7171bd92c7200000000000000001be78d30d115d003;
        e[10] = 0x0000000000000000f337d17488f74a93000000000000000078a5bd91aa7344b9;
        e[11] = 0x00000000000000009518dde4bf22f47a00000000000000001f49ece83dcfd6d3;
        e[12] = 0x00000000000000006f1fc20dfcd97a4200000000000000009e322e3c5eb7e45a;
        e[13] = 0x00000000000000001454c55a061090ab00000000000000000ad8afc4451c798a;
        e[14] = 0x0000000000000000b3ea81f0e88421cc00000000000000007b24cf42ede5a09a;
        e[15] = 0x0000000000000000e1cb9f588ac1c46600000000000000008ee070aeaf2275fd;
        e[16] = 0x00000000000000007d0977b96f6b9cad0000000000000000767dc7722f7ac808;
        e[17] = 0x0000000000000000d7cead05540b53680000000000000000890f77a4df66b543;
        e[18] = 0x0000000000000000d592a10307d29b2b0000000000000000b4de027556897f74;
        e[19] = 0x00000000000000005eb0fe785b9feb990000000000000000ba07efab98ffb065;
        e[20] = 0x000000000000000052a82318fd71184600000000000000007448ce0c6bd90667;
        e[21] = 0x000000000000000096b4c5ee5e9398fa0000000000000000cf64c9b1d6b98b15;
        e[22] = 0x00000000000000007a22a07bdf86a3ca0000000000000000f92f0bff4caf6625;
        e[23] = 0x0000000000000000285cfcd4482707af0000000000000000d89b2b7382a054ef;
        e[24] = 0x0000000000000000aeaf52286c18046d0000000000000000d6d27b43767f5242;
        e[25] = 0x00000000000000000afd81545f2d116e000000000000000046374f1dc04fd34b;
        e[26] = 0x0000000000000000adb0a7be806d2d3e0000000000000000b0c152c859f47ac4;
        e[27] = 0x0000000000000000871ca513730dce120000000000000000e4858e6df14a6c0f;
        e[28] = 0x0000000000000000cb9fd29f5397bfc00000000000000000644c337e82a5084a;
        e[29] = 0x00000000000000001dce79af412b31750000000000000000cbd029fae0fcc58e;
        e[30] = 0x00000000000000008a4c299f2a7f6d55000000000000000044b5050e2b9271a7;
        e[31] = 0x000000000000000044be4c3e6f3b4771000000000000000041e266a3d265341d;
        e[32] = 0x000000000000000047f8c4f67b4eb328000000000000000009af95de2a0d1c2b;
        e[33] = 0x0000000000000000304846cd64d7568800000000000000008e2f2aba70d54d9c;
        e[34] = 0x0000000000000000e03e9ecef3056be700000000000000000e2c442e925c2dd2;
        e[35] = 0x0000000000000000bdca10e4ba2a33da0000000000000000d865fdfe3e078842;
        e[36] = 0x00000000000000009d429742fd7eacfc0000000000000000f52907edc9011e7d;
        e[37] = 0x0000000000000000003699804863b0f60000000000000000c0b4de7e34c5feab;
        e[38] = 0x0000000000000000c445be7d80222502000000000000000064364613d499a91d;
        e[39] = 0x0000000000000000cebc9934ae7e2f94000000000000000098fe029bfec44bbc;
        e[40] = 0x0000000000000000fd014bdc6d20f6eb0000000000000000fae276eca010a7d0;
        e[41] = 0x0000000000000000f8225c218d4363fd0000000000000000a48749d1a467c72b;
        e[42] = 0x0000000000000000fc450d26fc2c377f00000000000000002e9c404b687b73d3;
        e[43] = 0x0000000000000000bf26ef28bb0b697e0000000000000000ac49f71b0e4b02cc;
        e[44] = 0x000000000000000065b73e6007ab65aa0000000000000000a83b5551b0999d5b;
        e[45] = 0x0000000000000000def5ae24ddd43b720000000000000000eb00ff562d598852;
        e[46] = 0x0000000000000000b18a2a6e010bca2a000000000000000040e16211ffdc09e4;
        e[47] = 0x0000000000000000361aa72be54a9fa60000000000000000f9e77cf3c16b1afa;
        e[48] = 0x0000000000000000e1533f8941895e740000000000000000fd837aa5313a61aa;
        e[49] = 0x000000000000000020e4d1a8b51bd8d3000000000000000022451cc4f8941320;
        e[50] = 0x00000000000000000505b21b9196c08b00000000000000003452c76861d9c0f1;
        e[51] = 0x000000000000000058fbe7fcb3fc43540000000000000000ffa939a0a8af36bb;
        e[52] = 0x00000000000000008e37143329a8599800000000000000009a4a46a101af13d7;
        e[53] = 0x0000000000000000f603334ada1530070000000000000000ada6c444161255e7;
        e[54] = 0x00000000000000007357aae35a5afffd0000000000000000624b6e6720227a2b;
        e[55] = 0x0000000000000000baa7c84856d74a3200000000000000009e7d8f289a5d3419;
        e[56] = 0x000000000000000088809988347908e5000000000000000058e34908263e809f;
        e[57] = 0x000000000000000034d821709ed4c6120000000000000000ea28e2c7e501fb1d;
        e[58] = 0x00000000000000004ecc967bf0af53840000000000000000a9d1361235fe42fc;
        e[59] = 0x0000000000000000166f07028328595700000000000000001febe9042f87a4ee;
        e[60] = 0x000000000000000030839dacf96c6a890000000000000000260c341af6be258f;
        e[61] = 0x0000000000000000f6dc1512d2db8a7d00000000000000002b370e45a75850cd;
        e[62] = 0x0000000000000000e7b75b68ccd65443000000000000000052ea323bc615f531;
        e[63] = 0x00000000000000009d2a0f9e01b641a60000000000000000fcb23be59c680e97;
        e[64] = 0x00000000000000002e019d5a337aad4c0000000000000000031129a7eef79f92;
        e[65] = 0x0000000000000000af0f44be2f04c15200000000000000007e893fb6221cb4d8;
        e[66] = 0x000000000000000069a36be71b14497400000000000000009e0845f4c8fcf326;
        e[67] = 0x0000000000000000b90dbac656e4c081000000000000000071a51831102b38f0;
        e[68] = 0x0000000000000000d7d0cc886b81c4020000000000000000e147c47d054a2152;
        e[69] = 0x00000000000000009a8ba8c93f22be5700000000000000001229b97609d86b5c;
        e[70] = 0x00000000000000000d9b7f6cdd9bdec10000000000000000da788572c86f0c6e;
        e[71] = 0x00000000000000004223c2a3f0b02b8f00000000000000005656ec1dee50dc2e;
        e[72] = 0x0000000000000000516ba4f03e922d2d00000000000000000b24830c904694cb;
        e[73] = 0x00000000000000001aad5ae924b898e00000000000000000c76a08dfd45dfebf;
        e[74] = 0x00000000000000009587bbd3684ce20d00000000000000003f0a29e8ee22c801;
        e[75] = 0x0000000000000000824ae95019cf30b90000000000000000a265d22676aeaa8f;
        e[76] = 0x0000000000000000d018bd66505367dc00000000000000009befebe7a9831991;
        e[77] = 0x0000000000000000cc217e8c00e58c1e0000000000000000f05686b9c355b65b;
        e[78] = 0x0000000000000000d704b9e49b7a192200000000000000005483ccf1c3723af8;
        e[79] = 0x0000000000000000e4a9c60072e48aa70000000000000000c9db9a00758db181;
        e[80] = 0x0000000000000000754daa43bbd06f530000000000000000ebef75b27a74612c;
        e[81] = 0x00000000000000004b904b8a23b6ea2100000000000000007fbad5d89c68dd22;
        e[82] = 0x0000000000000000460ed62f6fe1dd250000000000000000022d8f7a3d7289d1;
        e[83] = 0x0000000000000000f7660da2a386828f0000000000000000f2101f403a0b0c6a;
        e[84] = 0x0000000000000000b5614a9bd6ca20f70000000000000000275169a7324cd004;
        e[85] = 0x0000000000000000c7b5baaac0534fdf0000000000000000552dc61396e98c8f;
        e[86] = 0x0000000000000000efa537a81a07cdfe0000000000000000eaa0b5ae6a3f7a35;
        e[87] = 0x0000000000000000b3ed85a993989a06000000000000000088e6b601edbdc382;
        e[88] = 0x00000000000000007c33155078666fc50000000000000000d41b048236fb19ae;
        e[89] = 0x00000000000000004f8f49b71379750600000000000000001455713d6b09e984;
        e[90] = 0x00000000000000002db8dbbb8c02cc51000000000000000016c81b742245e157;
        e[91] = 0x00000000000000001851150ee6a77b690000000000000000a82e8db3abab80ab;
        e[92] = 0x000000000000000035a9221c33e561c10000000000000000764e3332ecf2e7a1;
        e[93] = 0x00000000000000007d85aa0cfbed48af0000000000000000f2ddf49ff6cf8c26;
        e[94] = 0x00000000000000008a42ae7028c27edd000000000000000064e3c187755deb53;
        e[95] = 0x0000000000000000960fb4c3e07fdb1b0000000000000000ace9e4364fe3ce6d;
        e[96] = 0x0000000000000000718d92a77caf0a4c0000000000000000d6d2c126fb743cc0;
        e[97] = 0x0000000000000000c81ebfa824024f480000000000000000771233c1739e51d2;
        e[98] = 0x000000000000000048652b6fc6222891000000000000000067f4ddb306467b56;
        e[99] = 0x0000000000000000cdcaed304c26ac1300000000000000002ccf21eec538e3d0;
        e[100] = 0x000000000000000051cb3fcea43a810000000000000000001fec9db629302395;
        e[101] = 0x00000000000000002ce0bf9a61826b6b0000000000000000ac37a23db596755a;
        e[102] = 0x000000000000000063aa54e265b097e1000000000000000054456613fe849079;
        e[103] = 0x0000000000000000dd91e7e4dfe2af7600000000000000007ea2448faabd3302;
        e[104] = 0x0000000000000000c39d52e10888391f000000000000000079ee699bc35afbd7;
        e[105] = 0x0000000000000000bf8bc520308617b10000000000000000fce4af9d1d7a9df3;
        e[106] = 0x0000000000000000abd7327c2e7799f00000000000000000090c515e7907b178;
        e[107] = 0x0000000000000000bfb56b674ab556b30000000000000000093a212850f89c6b;
        e[108] = 0x00000000000000009f76250bd26e308b0000000000000000d79f0f44a4d31d01;
        e[109] = 0x0000000000000000f0251bd6adc5dc060000000000000000b5dc6b26f1357fba;
        e[110] = 0x0000000000000000c75917f2a467d796000000000000000079a7cfaec8e90b93;
        e[111] = 0x0000000000000000ee86f80f02f55b6c0000000000000000b8c51c5555407064;
        e[112] = 0x0000000000000000dfa2a90790860e0500000000000000001a6c6eca19da945e;
        e[113] = 0x00000000000000009f384d63609359c20000000000000000e4a84ffa89b6ae09;
        e[114] = 0x0000000000000000fff00b513bf85c0a0000000000000000b343c1112882c715;
        e[115] = 0x0000000000000000998511ac9c7ef3eb000000000000000001c5e4a7bae9f2e2;
        e[116] = 0x0000000000000000f10c7c2dc673eec300000000000000004a19e4947705c527;
        e[117] = 0x0000000000000000fd351f7d816d42ff00000000000000000913c7d078ac0aa6;
        e[118] = 0x0000000000000000c62099a7ad2937d300000000000000001c23c0ef546427b9;
        e[119] = 0x0000000000000000dbe9ed1f6f16e8e20000000000000000bc1a44be531859bd;
        e[120] = 0x0000000000000000b4932080458d13d000000000000000005b441545c5dd94c5;
        e[121] = 0x0000000000000000bb5618623734c76b0000000000000000ea3012b3c08bf887;
        e[122] = 0x000000000000000060b6aa127d172fc00000000000000000b9c0826e1bd0a881;
        uint256[] memory o = new uint256[](123);
        uint256 g0 = gasleft(); PoseidonGatesTmp.evalPoseidon(_p(w), _p(w), _p(w), _p(o)); g0 -= gasleft();
        emit log_named_uint("gas evalPoseidon", g0);
        for (uint256 i = 0; i < e.length; i++) assertEq(o[i], e[i], vm.toString(i));
        w[134] = w[134] ^ 1; PoseidonGatesTmp.evalPoseidon(_p(w), _p(w), _p(w), _p(o));
        bool diff; for (uint256 i = 0; i < e.length; i++) diff = diff || o[i] != e[i]; assertTrue(diff);
    }
    function test_evalPoseidonMds() public {
        uint256[] memory w = new uint256[](48);
        w[0] = 0x0000000000000000f843ad88efd50b2500000000000000007bb76a785b5cb309;
        w[1] = 0x0000000000000000f82d754b762701b70000000000000000f448c2272568d51a;
        w[2] = 0x0000000000000000db2975bfb0f143480000000000000000c1da51de15c19d84;
        w[3] = 0x000000000000000070d41f2e86fdba810000000000000000d3382c2287ca088d;
        w[4] = 0x0000000000000000fb10a6ae9294dd0d0000000000000000ce725eef867d8844;
        w[5] = 0x0000000000000000a5ee5b7ce0751a1a0000000000000000243428ac3445ac08;
        w[6] = 0x0000000000000000f23d8f16fb9cfa6d0000000000000000e2abb772c1709150;
        w[7] = 0x0000000000000000870ab803f198195100000000000000005ea77c46ef87a732;
        w[8] = 0x0000000000000000f19194f7898cb4eb0000000000000000b50c7bac0ac4a74d;
        w[9] = 0x00000000000000006a77f305a0eb3cc00000000000000000c97c7ea88f4de701;
        w[10] = 0x000000000000000054ed931fb6be12a70000000000000000cc6500a137129f38;
        w[11] = 0x00000000000000001ab26051296d94dc0000000000000000d982c2afb3f19bdb;
        w[12] = 0x000000000000000003114825c37bdb830000000000000000cab308db0b9f5710;
        w[13] = 0x00000000000000005b896e34976d3c7e00000000000000006516f157c0712d9c;
        w[14] = 0x0000000000000000307cf62d6328088800000000000000004a8325092e76cd06;
        w[15] = 0x0000000000000000a18808abe73e70d90000000000000000def641be68152c6f;
        w[16] = 0x000000000000000004e2a53120e0711c00000000000000007084acb6cdc9ee7f;
        w[17] = 0x000000000000000084da8751d8375b410000000000000000a1d9ceacfece25e1;
        w[18] = 0x000000000000000082d05867487d2ec7000000000000000097b7634136ac6e95;
        w[19] = 0x000000000000000039a85c69395894ce0000000000000000a92a7608a5a0841e;
        w[20] = 0x0000000000000000301619c7c784aa430000000000000000d4454edebc92fdc0;
        w[21] = 0x0000000000000000bb62ade5c4d8051600000000000000002855b58514533c64;
        w[22] = 0x00000000000000000156da2e50a07ae200000000000000001ded4098f27fcf31;
        w[23] = 0x0000000000000000369c18869b60579700000000000000006c02c829a7e36bb6;
        w[24] = 0x0000000000000000f569aa84eeed9f170000000000000000558c052bc3625d00;
        w[25] = 0x0000000000000000a043084e3a02e4a800000000000000007b932151f0b56d84;
        w[26] = 0x000000000000000050f976d93720bc4700000000000000006b2cfb33c01527af;
        w[27] = 0x0000000000000000eed33623bf71e6510000000000000000786910cdd650b989;
        w[28] = 0x00000000000000005e6348faec04730f000000000000000024ad19b7b55a86fb;
        w[29] = 0x00000000000000004a636314a7d9bcd9000000000000000051c0ade911901074;
        w[30] = 0x000000000000000063172b246238119d0000000000000000c14ee84777e9ba94;
        w[31] = 0x00000000000000006f2a98c04269458500000000000000002905da7aae8aa4c8;
        w[32] = 0x000000000000000045f688cf3a88f1dd0000000000000000bf18add7f3fb4f1a;
        w[33] = 0x0000000000000000fa3d9e6542aac2a400000000000000004f46ba5489332372;
        w[34] = 0x000000000000000022f083c2801d2d660000000000000000da7c6e7c4409b38d;
        w[35] = 0x0000000000000000f7119177b009f2460000000000000000586d9cff7b2293f2;
        w[36] = 0x0000000000000000b59d27338d43c3cf00000000000000009307b25d3d480884;
        w[37] = 0x00000000000000009559ad6f0c47a0b80000000000000000a6633916c503260e;
        w[38] = 0x0000000000000000672233d103ec6c980000000000000000194db0d196a90b9a;
        w[39] = 0x000000000000000029a2cdeb4127ce910000000000000000ce2fb8b12bf91ff8;
        w[40] = 0x00000000000000000bf310254194ee5f0000000000000000692e66c8e964ad83;
        w[41] = 0x000000000000000094c3c37cd2a69ce200000000000000005ebb0d3c61374c56;
        w[42] = 0x00000000000000002c8588c3b175fb26000000000000000084d435a709420ffe;
        w[43] = 0x00000000000000006caa7b273ae92a2900000000000000006dc11a1dbc1b721c;
        w[44] = 0x0000000000000000ad3220347826b9920000000000000000dbdeddb2357b70f5;
        w[45] = 0x00000000000000006ca1e1763363c70f0000000000000000d83918eec16709cb;
        w[46] = 0x00000000000000009bd83ee437ec8f3b00000000000000003164fd7c9930784c;
        w[47] = 0x00000000000000004723dd7b660fbd3a0000000000000000080cb8f5b8b52280;
        uint256[] memory e = new uint256[](24);
        e[0] = 0x00000000000000004b9de88503f8c55e00000000000000007a0cf9afb1c13227;
        e[1] = 0x0000000000000000b6c9003641a7987200000000000000005ea4e45cd9a03273;
        e[2] = 0x00000000000000009091e76bf3a148340000000000000000e346ae6453de8093;
        e[3] = 0x0000000000000000aa42460dd45c329e00000000000000003c5fae4be0b62688;
        e[4] = 0x0000000000000000c5eae4fe87c7e03d000000000000000036422c8243b21490;
        e[5] = 0x00000000000000006b5afb32b6f5c0970000000000000000d5bab6e2a63683f5;
        e[6] = 0x0000000000000000f913f94cd94ff6e700000000000000002f77facb753a6e34;
        e[7] = 0x000000000000000046f92866e1df75c8000000000000000051e665ec14d0f632;
        e[8] = 0x00000000000000006075b28e5dede9c300000000000000003feb494b584af2f7;
        e[9] = 0x00000000000000009fead0466b06c03700000000000000007d65725595735400;
        e[10] = 0x0000000000000000340b0fbde346a9ac0000000000000000ef88e14c508f1c00;
        e[11] = 0x000000000000000039835061a43e21c400000000000000007e9c4f99592c7e86;
        e[12] = 0x000000000000000072d95d52db03210c0000000000000000c8cefd76ce57c372;
        e[13] = 0x000000000000000063e024a00d8973ef000000000000000031e77c9c84b9ddb6;
        e[14] = 0x00000000000000007d41d35396adc7c10000000000000000a7debc8ca1e4ebc4;
        e[15] = 0x0000000000000000391adb21e66d867b0000000000000000670156a21476ba30;
        e[16] = 0x000000000000000057bf53ecdf1aa684000000000000000052d4915940a595eb;
        e[17] = 0x000000000000000084ed8d03e882f39e00000000000000000290eec6deb1224a;
        e[18] = 0x000000000000000038e04b25c98eab8a00000000000000009acd3ebb1a643b2f;
        e[19] = 0x0000000000000000ba85d031030d1f0600000000000000001db164096cdea6d9;
        e[20] = 0x00000000000000002a175743505642af00000000000000002f76e8714b2466da;
        e[21] = 0x0000000000000000b3887eccafedddbc0000000000000000cf762b9ca6e05aa2;
        e[22] = 0x000000000000000089b6e43576698d2b0000000000000000c3c5d7cea24f0662;
        e[23] = 0x0000000000000000b7d77314cd5914c20000000000000000887311dd8d9ce065;
        uint256[] memory o = new uint256[](24);
        uint256 g0 = gasleft(); PoseidonGatesTmp.evalPoseidonMds(_p(w), _p(w), _p(w), _p(o)); g0 -= gasleft();
        emit log_named_uint("gas evalPoseidonMds", g0);
        for (uint256 i = 0; i < e.length; i++) assertEq(o[i], e[i], vm.toString(i));
        w[47] = w[47] ^ 1; PoseidonGatesTmp.evalPoseidonMds(_p(w), _p(w), _p(w), _p(o));
        bool diff; for (uint256 i = 0; i < e.length; i++) diff = diff || o[i] != e[i]; assertTrue(diff);
    }
}

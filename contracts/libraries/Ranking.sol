// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title Ranking
/// @notice A bounded list of addresses kept sorted by a key that lives elsewhere (e.g. an operator's
///         stake), descending, ties broken by the lower address first.
/// @dev The key is read through a caller-supplied view function, so the list stores only addresses
///      plus a 1-based position index (O(1) membership). The list is only correct if, whenever the
///      key of one element changes, the caller calls `upsert` (or `remove`) for that element before
///      any other key changes: every element other than the moved one keeps its relative order, so
///      one bubble pass restores the order. Every operation is O(length) and the caller bounds the
///      length by `cap` (<= 64 in Staking).
library Ranking {
    /// @notice The list: `items` sorted best first, `pos[a]` = index of `a` + 1 (0 = absent).
    struct List {
        address[] items;
        mapping(address => uint256) pos;
    }

    /// @notice Whether (`a`, `ka`) ranks strictly before (`b`, `kb`): higher key, or equal key and
    ///         lower address.
    function ranksBefore(address a, uint256 ka, address b, uint256 kb) internal pure returns (bool) {
        return ka > kb || (ka == kb && a < b);
    }

    /// @notice Number of elements.
    function length(List storage l) internal view returns (uint256) {
        return l.items.length;
    }

    /// @notice Whether `a` is in the list.
    function contains(List storage l, address a) internal view returns (bool) {
        return l.pos[a] != 0;
    }

    /// @notice Remove `a` if present, keeping the order of the others.
    /// @return removed Whether `a` was present.
    function remove(List storage l, address a) internal returns (bool removed) {
        uint256 p = l.pos[a];
        if (p == 0) return false;
        uint256 n = l.items.length;
        for (uint256 i = p; i < n; ++i) {
            address b = l.items[i];
            l.items[i - 1] = b;
            l.pos[b] = i;
        }
        l.items.pop();
        delete l.pos[a];
        return true;
    }

    /// @notice Remove and return the last (worst) element. The list must not be empty.
    function pop(List storage l) internal returns (address last) {
        last = l.items[l.items.length - 1];
        l.items.pop();
        delete l.pos[last];
    }

    /// @notice Insert `a`, or move it to its place if present, after its key changed.
    /// @dev If `a` is absent and the list holds `cap` (or more) elements, `a` enters only if it ranks
    ///      before the last element, which is evicted.
    /// @param cap Maximum length.
    /// @param keyOf The key of an element (read live).
    /// @return inList Whether `a` is in the list afterwards.
    /// @return evicted The element pushed out to make room (address(0) if none).
    function upsert(List storage l, address a, uint256 cap, function(address) view returns (uint256) keyOf)
        internal
        returns (bool inList, address evicted)
    {
        uint256 ka = keyOf(a);
        uint256 n = l.items.length;
        uint256 p = l.pos[a];
        uint256 i;
        if (p == 0) {
            if (n >= cap) {
                if (n == 0) return (false, address(0));
                address last = l.items[n - 1];
                if (!ranksBefore(a, ka, last, keyOf(last))) return (false, address(0));
                delete l.pos[last];
                evicted = last;
                i = n - 1;
            } else {
                l.items.push(a);
                i = n;
            }
        } else {
            i = p - 1;
            // Sink while the next element ranks before `a`.
            while (i + 1 < n) {
                address next = l.items[i + 1];
                if (!ranksBefore(next, keyOf(next), a, ka)) break;
                l.items[i] = next;
                l.pos[next] = i + 1;
                ++i;
            }
        }
        // Rise while `a` ranks before the previous element.
        while (i > 0) {
            address prev = l.items[i - 1];
            if (!ranksBefore(a, ka, prev, keyOf(prev))) break;
            l.items[i] = prev;
            l.pos[prev] = i + 1;
            --i;
        }
        if (p != i + 1) {
            l.items[i] = a;
            l.pos[a] = i + 1;
        }
        return (true, evicted);
    }
}

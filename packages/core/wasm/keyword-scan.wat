;; The keyword prefilter's pass over a text (engine/wasm-keywords.ts holds the JavaScript side and
;; the memory layout; engine/keyword-set.ts the regex it must agree with). Finds, at each position
;; of a chunk of one-byte characters, the longest keyword that starts there, case-insensitively
;; for ASCII letters, and writes (position, keyword index) pairs. It is a regex alternation's
;; work done 16 positions at a time: the alternation touches every character through a general
;; matcher, which made it half of the engine's time on ordinary code.
;;
;; Memory, written by the JavaScript side before the first call:
;;   0 .. 65535       the group (1..255, 0 = none) of each two-byte prefix, indexed by the
;;                    little-endian 16-bit load of the two bytes: a group is the keywords that
;;                    share their first two (folded) characters;
;;   65536 .. 66559   u32 offset of each group's entries: [length, keyword index, bytes...] per
;;                    keyword, longest first, ended by a zero length;
;;   66560 .. 66623   four 16-byte nibble tables (low and high nibble of the first and of the
;;                    second byte): bit b is set where some prefix of bucket b (group mod 8) has
;;                    that nibble there. A position whose two bytes pass all four for one bucket
;;                    is a candidate; the others cannot start a keyword.
;;
;; The same chunk also goes through `runs`, which finds the runs of base64 characters long enough
;; to be a blob (engine/base64-layers.ts), 16 bytes at a time: the bytes are already here.
(module
  (memory (export "memory") 4)
  (global $text (mut i32) (i32.const 0))
  (global $n (mut i32) (i32.const 0))
  (global $out (mut i32) (i32.const 0))
  (global $count (mut i32) (i32.const 0))
  (global $cap (mut i32) (i32.const 0))
  ;; Length of the base64 run open at the end of the last `runs` call (-1: its output was full).
  (global $runLength (mut i32) (i32.const 0))

  ;; Records the longest keyword that starts at $i, if any. Returns 1 once the output is full.
  (func $try (param $i i32) (result i32)
    (local $group i32) (local $entry i32) (local $len i32) (local $j i32) (local $c i32) (local $at i32)
    (local.set $group (i32.load8_u (i32.load16_u (i32.add (global.get $text) (local.get $i)))))
    (if (i32.eqz (local.get $group)) (then (return (i32.const 0))))
    (local.set $entry (i32.load (i32.add (i32.const 65536) (i32.shl (local.get $group) (i32.const 2)))))
    (local.set $at (i32.add (global.get $text) (local.get $i)))
    (block $none
      (loop $entries
        (local.set $len (i32.load8_u (local.get $entry)))
        (br_if $none (i32.eqz (local.get $len)))
        (if (i32.le_u (i32.add (local.get $i) (local.get $len)) (global.get $n))
          (then
            ;; The group already matched the first two characters.
            (local.set $j (i32.const 2))
            (block $differs
              (loop $chars
                (if (i32.ge_u (local.get $j) (local.get $len))
                  (then
                    (i32.store (i32.add (global.get $out) (i32.shl (global.get $count) (i32.const 3))) (local.get $i))
                    (i32.store offset=4 (i32.add (global.get $out) (i32.shl (global.get $count) (i32.const 3)))
                      (i32.load8_u offset=1 (local.get $entry)))
                    (global.set $count (i32.add (global.get $count) (i32.const 1)))
                    (return (i32.ge_u (global.get $count) (global.get $cap)))))
                (local.set $c (i32.load8_u (i32.add (local.get $at) (local.get $j))))
                ;; A-Z fold to a-z, as in a case-insensitive regex (which folds no other byte to ASCII).
                (if (i32.lt_u (i32.sub (local.get $c) (i32.const 65)) (i32.const 26))
                  (then (local.set $c (i32.or (local.get $c) (i32.const 32)))))
                (br_if $differs (i32.ne (local.get $c) (i32.load8_u offset=2 (i32.add (local.get $entry) (local.get $j)))))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $chars)))))
        (local.set $entry (i32.add (local.get $entry) (i32.add (local.get $len) (i32.const 2))))
        (br $entries)))
    (i32.const 0))

  ;; Scans positions [$from, $limit) of the $n bytes at $text (keywords may run on to $n), writing
  ;; at most $cap pairs of u32 at $out; returns how many it wrote. When that is $cap, the caller
  ;; calls again from the last position + 1. No byte at or past $n is read.
  (func (export "scan") (param $text i32) (param $n i32) (param $from i32) (param $limit i32) (param $out i32) (param $cap i32) (result i32)
    (local $i i32) (local $at i32) (local $end i32) (local $v0 v128) (local $v1 v128) (local $nibble v128) (local $mask i32)
    (local $lo0 v128) (local $hi0 v128) (local $lo1 v128) (local $hi1 v128)
    (global.set $text (local.get $text))
    (global.set $n (local.get $n))
    (global.set $out (local.get $out))
    (global.set $count (i32.const 0))
    (global.set $cap (local.get $cap))
    (local.set $lo0 (v128.load (i32.const 66560)))
    (local.set $hi0 (v128.load (i32.const 66576)))
    (local.set $lo1 (v128.load (i32.const 66592)))
    (local.set $hi1 (v128.load (i32.const 66608)))
    (local.set $nibble (i8x16.splat (i32.const 15)))
    ;; No keyword is shorter than two characters: the last byte starts none.
    (local.set $end (local.get $limit))
    (if (i32.gt_s (local.get $end) (i32.sub (local.get $n) (i32.const 1)))
      (then (local.set $end (i32.sub (local.get $n) (i32.const 1)))))
    (local.set $i (local.get $from))
    (block $blocks
      (loop $block
        (br_if $blocks (i32.gt_s (i32.add (local.get $i) (i32.const 16)) (local.get $end)))
        (local.set $v0 (v128.load (i32.add (local.get $text) (local.get $i))))
        (local.set $v1 (v128.load offset=1 (i32.add (local.get $text) (local.get $i))))
        (local.set $mask (i8x16.bitmask (i8x16.ne (i32x4.splat (i32.const 0))
          (v128.and
            (v128.and (i8x16.swizzle (local.get $lo0) (v128.and (local.get $v0) (local.get $nibble)))
                      (i8x16.swizzle (local.get $hi0) (i8x16.shr_u (local.get $v0) (i32.const 4))))
            (v128.and (i8x16.swizzle (local.get $lo1) (v128.and (local.get $v1) (local.get $nibble)))
                      (i8x16.swizzle (local.get $hi1) (i8x16.shr_u (local.get $v1) (i32.const 4))))))))
        (block $candidates
          (loop $candidate
            (br_if $candidates (i32.eqz (local.get $mask)))
            (local.set $at (i32.add (local.get $i) (i32.ctz (local.get $mask))))
            ;; Most candidates have no group (their nibbles matched different prefixes): that test
            ;; is made here, not in a call to $try (the engine does not inline calls).
            (if (i32.load8_u (i32.load16_u (i32.add (local.get $text) (local.get $at))))
              (then (if (call $try (local.get $at)) (then (return (global.get $count))))))
            (local.set $mask (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
            (br $candidate)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $block)))
    (block $done
      (loop $tail
        (br_if $done (i32.ge_s (local.get $i) (local.get $end)))
        (if (call $try (local.get $i)) (then (return (global.get $count))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $tail)))
    (global.get $count))

  ;; Whether one byte is a base64 character (A-Z a-z 0-9 + / _ -), as `runs` tests 16 at a time.
  (func $isBase64 (param $c i32) (result i32)
    (i32.or
      (i32.or
        (i32.lt_u (i32.sub (i32.or (local.get $c) (i32.const 32)) (i32.const 97)) (i32.const 26))
        (i32.lt_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 10)))
      (i32.or
        (i32.or (i32.eq (local.get $c) (i32.const 43)) (i32.eq (local.get $c) (i32.const 47)))
        (i32.or (i32.eq (local.get $c) (i32.const 95)) (i32.eq (local.get $c) (i32.const 45))))))

  ;; Writes the run [$start, $end) as a pair of i32 at $out. Returns 1 (and marks the output
  ;; full) when there is no room.
  (func $emitRun (param $start i32) (param $end i32) (result i32)
    (if (i32.ge_u (global.get $count) (global.get $cap)) (then (return (i32.const 1))))
    (i32.store (i32.add (global.get $out) (i32.shl (global.get $count) (i32.const 3))) (local.get $start))
    (i32.store offset=4 (i32.add (global.get $out) (i32.shl (global.get $count) (i32.const 3))) (local.get $end))
    (global.set $count (i32.add (global.get $count) (i32.const 1)))
    (i32.const 0))

  ;; Finds the maximal runs of base64 characters of at least $keep (more than 16) bytes that end in
  ;; [$from, $limit) of the bytes at $text; $length is the length of the run open at $from (from
  ;; the previous chunk). Writes [start, end) pairs of i32 relative to $text (a start before the
  ;; chunk is negative) at $out, at most $cap, and returns how many; `runLength` then gives the
  ;; run still open at $limit, or -1 when the output was full (the caller then uses its own
  ;; finder). A run inside one 16-byte block is shorter than $keep, so a block holding a
  ;; non-base64 byte only ends the run that reaches it and starts the one after its last such byte.
  (func (export "runs") (param $text i32) (param $from i32) (param $limit i32) (param $length i32) (param $keep i32) (param $out i32) (param $cap i32) (result i32)
    (local $i i32) (local $outside i32) (local $lead i32) (local $v v128)
    (local $lowClasses v128) (local $highClass v128) (local $nibble v128)
    (local.set $lowClasses (v128.const i8x16 42 62 62 62 62 62 62 62 62 62 60 21 20 21 20 29))
    (local.set $highClass (v128.const i8x16 0 0 1 2 4 8 16 32 0 0 0 0 0 0 0 0))
    (local.set $nibble (i8x16.splat (i32.const 15)))
    (global.set $out (local.get $out))
    (global.set $count (i32.const 0))
    (global.set $cap (local.get $cap))
    (local.set $i (local.get $from))
    (block $blocks
      (loop $block
        (br_if $blocks (i32.gt_s (i32.add (local.get $i) (i32.const 16)) (local.get $limit)))
        ;; Bit i set where byte i is NOT base64: two nibble tables, the high nibble's class (2..7 ->
        ;; bits 0..5; others none, bytes above 0x7F included) and, per low nibble, the classes in
        ;; which that low nibble is base64. Written out here: the engine does not inline calls.
        (local.set $v (v128.load (i32.add (local.get $text) (local.get $i))))
        (local.set $outside (i32.xor (i8x16.bitmask (i8x16.ne (i32x4.splat (i32.const 0))
          (v128.and
            (i8x16.swizzle (local.get $lowClasses) (v128.and (local.get $v) (local.get $nibble)))
            (i8x16.swizzle (local.get $highClass) (i8x16.shr_u (local.get $v) (i32.const 4))))))
          (i32.const 0xffff)))
        (if (i32.eqz (local.get $outside))
          (then (local.set $length (i32.add (local.get $length) (i32.const 16))))
          (else
            (local.set $lead (i32.ctz (local.get $outside)))
            (if (i32.ge_u (i32.add (local.get $length) (local.get $lead)) (local.get $keep))
              (then
                (if (call $emitRun (i32.sub (local.get $i) (local.get $length)) (i32.add (local.get $i) (local.get $lead)))
                  (then (global.set $runLength (i32.const -1)) (return (global.get $count))))))
            ;; Base64 bytes after the block's last other byte (at bit 31 - clz).
            (local.set $length (i32.sub (i32.const 15) (i32.sub (i32.const 31) (i32.clz (local.get $outside)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $block)))
    (block $done
      (loop $tail
        (br_if $done (i32.ge_s (local.get $i) (local.get $limit)))
        (if (call $isBase64 (i32.load8_u (i32.add (local.get $text) (local.get $i))))
          (then (local.set $length (i32.add (local.get $length) (i32.const 1))))
          (else
            (if (i32.ge_u (local.get $length) (local.get $keep))
              (then
                (if (call $emitRun (i32.sub (local.get $i) (local.get $length)) (local.get $i))
                  (then (global.set $runLength (i32.const -1)) (return (global.get $count))))))
            (local.set $length (i32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $tail)))
    (global.set $runLength (local.get $length))
    (global.get $count))

  (func (export "runLength") (result i32) (global.get $runLength))
)

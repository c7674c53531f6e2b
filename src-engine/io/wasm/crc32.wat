;; CRC-32 (IEEE, zlib's) of every row of a batch, column by column: the kernel behind
;; src-engine/io/crc32-wasm.ts. Same algorithm and state convention as src-engine/io/crc32.ts
;; (states kept inverted, ~crc, between columns), with slicing-by-8 for whole 8-byte steps.
;; Memory (filled by the host): bytes 0–8191 hold the 8 lookup tables, table k at 1024·k
;; (table k advances a byte k positions further); states, offsets and column bytes follow.
;; Built into crc32-wasm-bytes.ts by scripts/build-wasm.mjs (wabt).
(module
  (memory (export "memory") 1)

  ;; fold bytes [p, e) into the inverted state c
  (func $fold (param $c i32) (param $p i32) (param $e i32) (result i32)
    (local $lo i32) (local $hi i32)
    (block $done8
      (loop $eight
        (br_if $done8 (i32.gt_u (i32.add (local.get $p) (i32.const 8)) (local.get $e)))
        (local.set $lo (i32.xor (local.get $c) (i32.load align=1 (local.get $p))))
        (local.set $hi (i32.load offset=4 align=1 (local.get $p)))
        (local.set $c
          (i32.xor
            (i32.xor
              (i32.xor
                (i32.load offset=7168 (i32.shl (i32.and (local.get $lo) (i32.const 255)) (i32.const 2)))
                (i32.load offset=6144 (i32.shl (i32.and (i32.shr_u (local.get $lo) (i32.const 8)) (i32.const 255)) (i32.const 2))))
              (i32.xor
                (i32.load offset=5120 (i32.shl (i32.and (i32.shr_u (local.get $lo) (i32.const 16)) (i32.const 255)) (i32.const 2)))
                (i32.load offset=4096 (i32.shl (i32.shr_u (local.get $lo) (i32.const 24)) (i32.const 2)))))
            (i32.xor
              (i32.xor
                (i32.load offset=3072 (i32.shl (i32.and (local.get $hi) (i32.const 255)) (i32.const 2)))
                (i32.load offset=2048 (i32.shl (i32.and (i32.shr_u (local.get $hi) (i32.const 8)) (i32.const 255)) (i32.const 2))))
              (i32.xor
                (i32.load offset=1024 (i32.shl (i32.and (i32.shr_u (local.get $hi) (i32.const 16)) (i32.const 255)) (i32.const 2)))
                (i32.load (i32.shl (i32.shr_u (local.get $hi) (i32.const 24)) (i32.const 2)))))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $eight)))
    (if (i32.le_u (i32.add (local.get $p) (i32.const 4)) (local.get $e))
      (then
        (local.set $lo (i32.xor (local.get $c) (i32.load align=1 (local.get $p))))
        (local.set $c
          (i32.xor
            (i32.xor
              (i32.load offset=3072 (i32.shl (i32.and (local.get $lo) (i32.const 255)) (i32.const 2)))
              (i32.load offset=2048 (i32.shl (i32.and (i32.shr_u (local.get $lo) (i32.const 8)) (i32.const 255)) (i32.const 2))))
            (i32.xor
              (i32.load offset=1024 (i32.shl (i32.and (i32.shr_u (local.get $lo) (i32.const 16)) (i32.const 255)) (i32.const 2)))
              (i32.load (i32.shl (i32.shr_u (local.get $lo) (i32.const 24)) (i32.const 2))))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))))
    (block $done1
      (loop $one
        (br_if $done1 (i32.ge_u (local.get $p) (local.get $e)))
        (local.set $c
          (i32.xor
            (i32.load (i32.shl (i32.and (i32.xor (local.get $c) (i32.load8_u (local.get $p))) (i32.const 255)) (i32.const 2)))
            (i32.shr_u (local.get $c) (i32.const 8))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $one)))
    (local.get $c))

  ;; row i's bytes are [data + i·size, data + (i+1)·size)
  (func (export "foldFixed") (param $st i32) (param $data i32) (param $size i32) (param $n i32)
    (local $i i32) (local $p i32)
    (local.set $p (local.get $data))
    (block $end
      (loop $rows
        (br_if $end (i32.ge_u (local.get $i) (local.get $n)))
        (i32.store (local.get $st)
          (call $fold (i32.load (local.get $st)) (local.get $p) (i32.add (local.get $p) (local.get $size))))
        (local.set $st (i32.add (local.get $st) (i32.const 4)))
        (local.set $p (i32.add (local.get $p) (local.get $size)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))

  ;; row i's bytes are [data + off[i]·size, data + off[i+1]·size); off holds n + 1 int32
  (func (export "foldRanges") (param $st i32) (param $data i32) (param $off i32) (param $size i32) (param $n i32)
    (local $i i32) (local $a i32) (local $b i32)
    (local.set $b (i32.add (local.get $data) (i32.mul (i32.load (local.get $off)) (local.get $size))))
    (block $end
      (loop $rows
        (br_if $end (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $off (i32.add (local.get $off) (i32.const 4)))
        (local.set $a (local.get $b))
        (local.set $b (i32.add (local.get $data) (i32.mul (i32.load (local.get $off)) (local.get $size))))
        (if (i32.ne (local.get $a) (local.get $b))
          (then (i32.store (local.get $st) (call $fold (i32.load (local.get $st)) (local.get $a) (local.get $b)))))
        (local.set $st (i32.add (local.get $st) (i32.const 4)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))

  ;; each row's entry count off[i+1] − off[i], as a little-endian int32
  (func (export "foldCounts") (param $st i32) (param $off i32) (param $n i32)
    (local $i i32) (local $c i32)
    (block $end
      (loop $rows
        (br_if $end (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $c (i32.xor (i32.load (local.get $st))
          (i32.sub (i32.load offset=4 (local.get $off)) (i32.load (local.get $off)))))
        (i32.store (local.get $st)
          (i32.xor
            (i32.xor
              (i32.load offset=3072 (i32.shl (i32.and (local.get $c) (i32.const 255)) (i32.const 2)))
              (i32.load offset=2048 (i32.shl (i32.and (i32.shr_u (local.get $c) (i32.const 8)) (i32.const 255)) (i32.const 2))))
            (i32.xor
              (i32.load offset=1024 (i32.shl (i32.and (i32.shr_u (local.get $c) (i32.const 16)) (i32.const 255)) (i32.const 2)))
              (i32.load (i32.shl (i32.shr_u (local.get $c) (i32.const 24)) (i32.const 2))))))
        (local.set $st (i32.add (local.get $st) (i32.const 4)))
        (local.set $off (i32.add (local.get $off) (i32.const 4)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))

  ;; the common case without a call per row: 4-byte values (float32 columns), row i's values
  ;; [off[i], off[i+1]) at data + 4·j
  (func (export "foldRanges4") (param $st i32) (param $data i32) (param $off i32) (param $n i32)
    (local $i i32) (local $p i32) (local $e i32) (local $c i32)
    (local.set $e (i32.add (local.get $data) (i32.shl (i32.load (local.get $off)) (i32.const 2))))
    (block $end
      (loop $rows
        (br_if $end (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $off (i32.add (local.get $off) (i32.const 4)))
        (local.set $p (local.get $e))
        (local.set $e (i32.add (local.get $data) (i32.shl (i32.load (local.get $off)) (i32.const 2))))
        (if (i32.lt_u (local.get $p) (local.get $e))
          (then
            (local.set $c (i32.load (local.get $st)))
            (loop $values
              (local.set $c (i32.xor (local.get $c) (i32.load align=1 (local.get $p))))
              (local.set $c (i32.xor
            (i32.xor
              (i32.load offset=3072 (i32.shl (i32.and (local.get $c) (i32.const 255)) (i32.const 2)))
              (i32.load offset=2048 (i32.shl (i32.and (i32.shr_u (local.get $c) (i32.const 8)) (i32.const 255)) (i32.const 2))))
            (i32.xor
              (i32.load offset=1024 (i32.shl (i32.and (i32.shr_u (local.get $c) (i32.const 16)) (i32.const 255)) (i32.const 2)))
              (i32.load (i32.shl (i32.shr_u (local.get $c) (i32.const 24)) (i32.const 2))))))
              (local.set $p (i32.add (local.get $p) (i32.const 4)))
              (br_if $values (i32.lt_u (local.get $p) (local.get $e))))
            (i32.store (local.get $st) (local.get $c))))
        (local.set $st (i32.add (local.get $st) (i32.const 4)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))

  ;; fixed 4-byte values without a call per row
  (func (export "foldFixed4") (param $st i32) (param $data i32) (param $n i32)
    (local $c i32) (local $end i32)
    (local.set $end (i32.add (local.get $st) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $st) (local.get $end)))
        (local.set $c (i32.xor (i32.load (local.get $st)) (i32.load align=1 (local.get $data))))
        (i32.store (local.get $st) (i32.xor
            (i32.xor
              (i32.load offset=3072 (i32.shl (i32.and (local.get $c) (i32.const 255)) (i32.const 2)))
              (i32.load offset=2048 (i32.shl (i32.and (i32.shr_u (local.get $c) (i32.const 8)) (i32.const 255)) (i32.const 2))))
            (i32.xor
              (i32.load offset=1024 (i32.shl (i32.and (i32.shr_u (local.get $c) (i32.const 16)) (i32.const 255)) (i32.const 2)))
              (i32.load (i32.shl (i32.shr_u (local.get $c) (i32.const 24)) (i32.const 2))))))
        (local.set $st (i32.add (local.get $st) (i32.const 4)))
        (local.set $data (i32.add (local.get $data) (i32.const 4)))
        (br $rows))))
)

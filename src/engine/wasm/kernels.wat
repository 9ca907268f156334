;; The dense products of the engine in WebAssembly SIMD (f64x2).
;;
;; Every kernel is vectorised across output entries (neighbouring neurons,
;; or neighbouring inputs for the deltas below), so each entry is still one
;; sum, taken in the order of the plain loops of ../kernels.ts:
;;
;;   z[r][j]    = -w[0][j] + x[r][0] w[1][j] + x[r][1] w[2][j] + ...     (inputs in order)
;;   grad[0][j] = 0 - delta[0][j] - delta[1][j] - ...                     (rows in order)
;;   grad[i+1][j] = 0 + x[0][i] delta[0][j] + x[1][i] delta[1][j] + ...   (rows in order)
;;   below[r][i] = 0 + w[i+1][0] delta[r][0] + w[i+1][1] delta[r][1] + ... (neurons in order)
;;   w' = w - rate (x delta),  out = w - rate grad
;;
;; f64x2.add, sub and mul round each lane exactly as the scalar operation
;; does, and there is no fused multiply-add, so the bits are the plain loops'
;; (up to the sign of zero: like the loops, a zero input's term is skipped).
;; Pointers are byte offsets into the imported memory; sizes are counts.
;; The products take a range of output entries ([j0, j1) of the neurons, or
;; [i0, i1) of the inputs for the deltas below), so that threads can share a
;; layer (../threads.ts): each entry is still one whole sum.
;; Assembled by assemble.mjs into kernel-bytes.ts, with a variant importing
;; a shared memory (the same bytes but the memory's flags).
(module
  (import "env" "memory" (memory 1 65536))

  ;; z[j] for j in [j, end) of one example: x and z point at its row.
  (func $forwardRow (param $w i32) (param $n i32) (param $m i32) (param $x i32) (param $z i32) (param $j i32) (param $end i32)
    (local $stride i32) (local $xe i32) (local $wp i32) (local $xp i32) (local $xi f64) (local $s f64)
    (local $xv v128) (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local.set $stride (i32.shl (local.get $m) (i32.const 3)))
    (local.set $xe (i32.add (local.get $x) (i32.shl (local.get $n) (i32.const 3))))
    (block $done8 (loop $next8
      (br_if $done8 (i32.gt_s (i32.add (local.get $j) (i32.const 8)) (local.get $end)))
      (local.set $wp (i32.add (local.get $w) (i32.shl (local.get $j) (i32.const 3))))
      (local.set $c0 (f64x2.neg (v128.load offset=0 (local.get $wp))))
      (local.set $c1 (f64x2.neg (v128.load offset=16 (local.get $wp))))
      (local.set $c2 (f64x2.neg (v128.load offset=32 (local.get $wp))))
      (local.set $c3 (f64x2.neg (v128.load offset=48 (local.get $wp))))
      (local.set $xp (local.get $x))
      (block $doneI (loop $nextI
        (br_if $doneI (i32.ge_u (local.get $xp) (local.get $xe)))
        (local.set $wp (i32.add (local.get $wp) (local.get $stride)))
        (local.set $xi (f64.load (local.get $xp)))
        (local.set $xp (i32.add (local.get $xp) (i32.const 8)))
        (br_if $nextI (f64.eq (local.get $xi) (f64.const 0)))
        (local.set $xv (f64x2.splat (local.get $xi)))
        (local.set $c0 (f64x2.add (local.get $c0) (f64x2.mul (local.get $xv) (v128.load offset=0 (local.get $wp)))))
        (local.set $c1 (f64x2.add (local.get $c1) (f64x2.mul (local.get $xv) (v128.load offset=16 (local.get $wp)))))
        (local.set $c2 (f64x2.add (local.get $c2) (f64x2.mul (local.get $xv) (v128.load offset=32 (local.get $wp)))))
        (local.set $c3 (f64x2.add (local.get $c3) (f64x2.mul (local.get $xv) (v128.load offset=48 (local.get $wp)))))
        (br $nextI)))
      (local.set $wp (i32.add (local.get $z) (i32.shl (local.get $j) (i32.const 3))))
      (v128.store offset=0 (local.get $wp) (local.get $c0))
      (v128.store offset=16 (local.get $wp) (local.get $c1))
      (v128.store offset=32 (local.get $wp) (local.get $c2))
      (v128.store offset=48 (local.get $wp) (local.get $c3))
      (local.set $j (i32.add (local.get $j) (i32.const 8)))
      (br $next8)))
    (block $done2 (loop $next2
      (br_if $done2 (i32.gt_s (i32.add (local.get $j) (i32.const 2)) (local.get $end)))
      (local.set $wp (i32.add (local.get $w) (i32.shl (local.get $j) (i32.const 3))))
      (local.set $c0 (f64x2.neg (v128.load (local.get $wp))))
      (local.set $xp (local.get $x))
      (block $doneI (loop $nextI
        (br_if $doneI (i32.ge_u (local.get $xp) (local.get $xe)))
        (local.set $wp (i32.add (local.get $wp) (local.get $stride)))
        (local.set $xi (f64.load (local.get $xp)))
        (local.set $xp (i32.add (local.get $xp) (i32.const 8)))
        (br_if $nextI (f64.eq (local.get $xi) (f64.const 0)))
        (local.set $c0 (f64x2.add (local.get $c0) (f64x2.mul (f64x2.splat (local.get $xi)) (v128.load (local.get $wp)))))
        (br $nextI)))
      (v128.store (i32.add (local.get $z) (i32.shl (local.get $j) (i32.const 3))) (local.get $c0))
      (local.set $j (i32.add (local.get $j) (i32.const 2)))
      (br $next2)))
    (if (i32.lt_s (local.get $j) (local.get $end)) (then
      (local.set $wp (i32.add (local.get $w) (i32.shl (local.get $j) (i32.const 3))))
      (local.set $s (f64.neg (f64.load (local.get $wp))))
      (local.set $xp (local.get $x))
      (block $doneI (loop $nextI
        (br_if $doneI (i32.ge_u (local.get $xp) (local.get $xe)))
        (local.set $wp (i32.add (local.get $wp) (local.get $stride)))
        (local.set $xi (f64.load (local.get $xp)))
        (local.set $xp (i32.add (local.get $xp) (i32.const 8)))
        (br_if $nextI (f64.eq (local.get $xi) (f64.const 0)))
        (local.set $s (f64.add (local.get $s) (f64.mul (local.get $xi) (f64.load (local.get $wp)))))
        (br $nextI)))
      (f64.store (i32.add (local.get $z) (i32.shl (local.get $j) (i32.const 3))) (local.get $s)))))

  ;; z = [-1, x] . w for the neurons [j0, j1), one example at a time, zero
  ;; inputs skipped one by one.
  (func (export "forwardRows") (param $w i32) (param $n i32) (param $m i32) (param $x i32) (param $rows i32) (param $z i32)
    (param $j0 i32) (param $j1 i32)
    (local $r i32)
    (block $done (loop $next
      (br_if $done (i32.ge_s (local.get $r) (local.get $rows)))
      (call $forwardRow (local.get $w) (local.get $n) (local.get $m)
        (i32.add (local.get $x) (i32.shl (i32.mul (local.get $r) (local.get $n)) (i32.const 3)))
        (i32.add (local.get $z) (i32.shl (i32.mul (local.get $r) (local.get $m)) (i32.const 3)))
        (local.get $j0) (local.get $j1))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $next))))

  ;; z = [-1, x] . w for the neurons [j0, j1) in tiles of 4 examples x 4
  ;; neurons (a step of an input is skipped when it is zero in all four
  ;; examples); edges one row at a time.
  (func (export "forwardTiles") (param $w i32) (param $n i32) (param $m i32) (param $x i32) (param $rows i32) (param $z i32)
    (param $j0 i32) (param $j1 i32)
    (local $r i32) (local $j i32) (local $nb i32) (local $mb i32) (local $k i32) (local $wp i32)
    (local $x0 i32) (local $z0 i32) (local $p f64) (local $q f64) (local $s f64) (local $t f64)
    (local $w0 v128) (local $w1 v128) (local $v v128)
    (local $a0 v128) (local $a1 v128) (local $b0 v128) (local $b1 v128)
    (local $c0 v128) (local $c1 v128) (local $d0 v128) (local $d1 v128)
    (local.set $nb (i32.shl (local.get $n) (i32.const 3)))
    (local.set $mb (i32.shl (local.get $m) (i32.const 3)))
    (block $doneR (loop $nextR
      (br_if $doneR (i32.gt_s (i32.add (local.get $r) (i32.const 4)) (local.get $rows)))
      (local.set $x0 (i32.add (local.get $x) (i32.mul (local.get $r) (local.get $nb))))
      (local.set $z0 (i32.add (local.get $z) (i32.mul (local.get $r) (local.get $mb))))
      (local.set $j (local.get $j0))
      (block $doneJ (loop $nextJ
        (br_if $doneJ (i32.gt_s (i32.add (local.get $j) (i32.const 4)) (local.get $j1)))
        (local.set $wp (i32.add (local.get $w) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $a0 (f64x2.neg (v128.load offset=0 (local.get $wp))))
        (local.set $a1 (f64x2.neg (v128.load offset=16 (local.get $wp))))
        (local.set $b0 (local.get $a0)) (local.set $b1 (local.get $a1))
        (local.set $c0 (local.get $a0)) (local.set $c1 (local.get $a1))
        (local.set $d0 (local.get $a0)) (local.set $d1 (local.get $a1))
        (local.set $k (local.get $x0))
        (block $doneI (loop $nextI
          (br_if $doneI (i32.ge_u (local.get $k) (i32.add (local.get $x0) (local.get $nb))))
          (local.set $wp (i32.add (local.get $wp) (local.get $mb)))
          (local.set $p (f64.load (local.get $k)))
          (local.set $q (f64.load (i32.add (local.get $k) (local.get $nb))))
          (local.set $s (f64.load (i32.add (local.get $k) (i32.shl (local.get $nb) (i32.const 1)))))
          (local.set $t (f64.load (i32.add (local.get $k) (i32.mul (local.get $nb) (i32.const 3)))))
          (local.set $k (i32.add (local.get $k) (i32.const 8)))
          (br_if $nextI (i32.and
            (i32.and (f64.eq (local.get $p) (f64.const 0)) (f64.eq (local.get $q) (f64.const 0)))
            (i32.and (f64.eq (local.get $s) (f64.const 0)) (f64.eq (local.get $t) (f64.const 0)))))
          (local.set $w0 (v128.load offset=0 (local.get $wp)))
          (local.set $w1 (v128.load offset=16 (local.get $wp)))
          (local.set $v (f64x2.splat (local.get $p)))
          (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $v) (local.get $w0))))
          (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $v) (local.get $w1))))
          (local.set $v (f64x2.splat (local.get $q)))
          (local.set $b0 (f64x2.add (local.get $b0) (f64x2.mul (local.get $v) (local.get $w0))))
          (local.set $b1 (f64x2.add (local.get $b1) (f64x2.mul (local.get $v) (local.get $w1))))
          (local.set $v (f64x2.splat (local.get $s)))
          (local.set $c0 (f64x2.add (local.get $c0) (f64x2.mul (local.get $v) (local.get $w0))))
          (local.set $c1 (f64x2.add (local.get $c1) (f64x2.mul (local.get $v) (local.get $w1))))
          (local.set $v (f64x2.splat (local.get $t)))
          (local.set $d0 (f64x2.add (local.get $d0) (f64x2.mul (local.get $v) (local.get $w0))))
          (local.set $d1 (f64x2.add (local.get $d1) (f64x2.mul (local.get $v) (local.get $w1))))
          (br $nextI)))
        (local.set $wp (i32.add (local.get $z0) (i32.shl (local.get $j) (i32.const 3))))
        (v128.store offset=0 (local.get $wp) (local.get $a0))
        (v128.store offset=16 (local.get $wp) (local.get $a1))
        (local.set $wp (i32.add (local.get $wp) (local.get $mb)))
        (v128.store offset=0 (local.get $wp) (local.get $b0))
        (v128.store offset=16 (local.get $wp) (local.get $b1))
        (local.set $wp (i32.add (local.get $wp) (local.get $mb)))
        (v128.store offset=0 (local.get $wp) (local.get $c0))
        (v128.store offset=16 (local.get $wp) (local.get $c1))
        (local.set $wp (i32.add (local.get $wp) (local.get $mb)))
        (v128.store offset=0 (local.get $wp) (local.get $d0))
        (v128.store offset=16 (local.get $wp) (local.get $d1))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $nextJ)))
      (if (i32.lt_s (local.get $j) (local.get $j1)) (then
        (local.set $k (i32.const 0))
        (block $doneE (loop $nextE
          (br_if $doneE (i32.ge_s (local.get $k) (i32.const 4)))
          (call $forwardRow (local.get $w) (local.get $n) (local.get $m)
            (i32.add (local.get $x0) (i32.mul (local.get $k) (local.get $nb)))
            (i32.add (local.get $z0) (i32.mul (local.get $k) (local.get $mb)))
            (local.get $j) (local.get $j1))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $nextE)))))
      (local.set $r (i32.add (local.get $r) (i32.const 4)))
      (br $nextR)))
    (block $done (loop $next
      (br_if $done (i32.ge_s (local.get $r) (local.get $rows)))
      (call $forwardRow (local.get $w) (local.get $n) (local.get $m)
        (i32.add (local.get $x) (i32.mul (local.get $r) (local.get $nb)))
        (i32.add (local.get $z) (i32.mul (local.get $r) (local.get $mb)))
        (local.get $j0) (local.get $j1))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $next))))

  ;; grad[i+1][j] for j in [j, end) of input i, summed over the rows.
  (func $gradEntries (param $n i32) (param $m i32) (param $x i32) (param $rows i32) (param $d i32) (param $g i32)
    (param $i i32) (param $j i32) (param $end i32)
    (local $r i32) (local $xi f64) (local $acc v128) (local $s f64) (local $xp i32) (local $dp i32)
    (block $done2 (loop $next2
      (br_if $done2 (i32.gt_s (i32.add (local.get $j) (i32.const 2)) (local.get $end)))
      (local.set $acc (v128.const f64x2 0 0))
      (local.set $xp (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3))))
      (local.set $dp (i32.add (local.get $d) (i32.shl (local.get $j) (i32.const 3))))
      (local.set $r (i32.const 0))
      (block $doneR (loop $nextR
        (br_if $doneR (i32.ge_s (local.get $r) (local.get $rows)))
        (local.set $xi (f64.load (local.get $xp)))
        (if (f64.ne (local.get $xi) (f64.const 0)) (then
          (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul (f64x2.splat (local.get $xi)) (v128.load (local.get $dp)))))))
        (local.set $xp (i32.add (local.get $xp) (i32.shl (local.get $n) (i32.const 3))))
        (local.set $dp (i32.add (local.get $dp) (i32.shl (local.get $m) (i32.const 3))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $nextR)))
      (v128.store (i32.add (local.get $g) (i32.shl (i32.add (i32.mul (i32.add (local.get $i) (i32.const 1)) (local.get $m)) (local.get $j)) (i32.const 3)))
        (local.get $acc))
      (local.set $j (i32.add (local.get $j) (i32.const 2)))
      (br $next2)))
    (if (i32.lt_s (local.get $j) (local.get $end)) (then
      (local.set $s (f64.const 0))
      (local.set $xp (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3))))
      (local.set $dp (i32.add (local.get $d) (i32.shl (local.get $j) (i32.const 3))))
      (local.set $r (i32.const 0))
      (block $doneR (loop $nextR
        (br_if $doneR (i32.ge_s (local.get $r) (local.get $rows)))
        (local.set $xi (f64.load (local.get $xp)))
        (if (f64.ne (local.get $xi) (f64.const 0)) (then
          (local.set $s (f64.add (local.get $s) (f64.mul (local.get $xi) (f64.load (local.get $dp)))))))
        (local.set $xp (i32.add (local.get $xp) (i32.shl (local.get $n) (i32.const 3))))
        (local.set $dp (i32.add (local.get $dp) (i32.shl (local.get $m) (i32.const 3))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $nextR)))
      (f64.store (i32.add (local.get $g) (i32.shl (i32.add (i32.mul (i32.add (local.get $i) (i32.const 1)) (local.get $m)) (local.get $j)) (i32.const 3)))
        (local.get $s)))))

  ;; grad[0][j] = 0 - delta[0][j] - delta[1][j] - ... for j in [j, end): the
  ;; bias row of the weight gradient.
  (func $biasGrad (param $m i32) (param $rows i32) (param $d i32) (param $g i32) (param $j i32) (param $end i32)
    (local $r i32) (local $mb i32) (local $dp i32) (local $acc v128) (local $s f64)
    (local.set $mb (i32.shl (local.get $m) (i32.const 3)))
    (block $done2 (loop $next2
      (br_if $done2 (i32.gt_s (i32.add (local.get $j) (i32.const 2)) (local.get $end)))
      (local.set $acc (v128.const f64x2 0 0))
      (local.set $dp (i32.add (local.get $d) (i32.shl (local.get $j) (i32.const 3))))
      (local.set $r (i32.const 0))
      (block $doneR (loop $nextR
        (br_if $doneR (i32.ge_s (local.get $r) (local.get $rows)))
        (local.set $acc (f64x2.sub (local.get $acc) (v128.load (local.get $dp))))
        (local.set $dp (i32.add (local.get $dp) (local.get $mb)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $nextR)))
      (v128.store (i32.add (local.get $g) (i32.shl (local.get $j) (i32.const 3))) (local.get $acc))
      (local.set $j (i32.add (local.get $j) (i32.const 2)))
      (br $next2)))
    (if (i32.lt_s (local.get $j) (local.get $end)) (then
      (local.set $s (f64.const 0))
      (local.set $dp (i32.add (local.get $d) (i32.shl (local.get $j) (i32.const 3))))
      (local.set $r (i32.const 0))
      (block $doneR (loop $nextR
        (br_if $doneR (i32.ge_s (local.get $r) (local.get $rows)))
        (local.set $s (f64.sub (local.get $s) (f64.load (local.get $dp))))
        (local.set $dp (i32.add (local.get $dp) (local.get $mb)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $nextR)))
      (f64.store (i32.add (local.get $g) (i32.shl (local.get $j) (i32.const 3))) (local.get $s))))
  )

  ;; grad = [-1, x]^T . delta summed over the rows for the neurons [j0, j1),
  ;; one example at a time: grad[i+1] += x[r][i] delta[r] for each input that
  ;; is not zero, so sparse inputs (images) cost only their non-zero pixels.
  (func (export "weightGradRows") (param $n i32) (param $m i32) (param $x i32) (param $rows i32) (param $d i32) (param $g i32)
    (param $j0 i32) (param $j1 i32)
    (local $r i32) (local $i i32) (local $j i32) (local $mb i32) (local $k i32) (local $end i32)
    (local $gp i32) (local $dp i32) (local $jb i32) (local $xi f64) (local $xv v128)
    (local.set $mb (i32.shl (local.get $m) (i32.const 3)))
    (call $biasGrad (local.get $m) (local.get $rows) (local.get $d) (local.get $g) (local.get $j0) (local.get $j1))
    ;; zeros in the columns [j0, j1) of the rows 1..n
    (local.set $gp (i32.add (local.get $g) (local.get $mb)))
    (block $doneZ (loop $nextZ
      (br_if $doneZ (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $k (i32.add (local.get $gp) (i32.shl (local.get $j0) (i32.const 3))))
      (local.set $end (i32.add (local.get $gp) (i32.shl (local.get $j1) (i32.const 3))))
      (block $done (loop $next
        (br_if $done (i32.gt_u (i32.add (local.get $k) (i32.const 16)) (local.get $end)))
        (v128.store (local.get $k) (v128.const f64x2 0 0))
        (local.set $k (i32.add (local.get $k) (i32.const 16)))
        (br $next)))
      (if (i32.lt_u (local.get $k) (local.get $end)) (then (f64.store (local.get $k) (f64.const 0))))
      (local.set $gp (i32.add (local.get $gp) (local.get $mb)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $nextZ)))
    (block $doneR (loop $nextR
      (br_if $doneR (i32.ge_s (local.get $r) (local.get $rows)))
      (local.set $dp (i32.add (local.get $d) (i32.mul (local.get $r) (local.get $mb))))
      (local.set $i (i32.const 0))
      (block $doneI (loop $nextI
        (br_if $doneI (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $xi (f64.load (i32.add (local.get $x) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $n)) (local.get $i)) (i32.const 3)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $nextI (f64.eq (local.get $xi) (f64.const 0)))
        (local.set $xv (f64x2.splat (local.get $xi)))
        (local.set $gp (i32.add (local.get $g) (i32.mul (local.get $i) (local.get $mb))))
        (local.set $j (local.get $j0))
        (block $doneJ (loop $nextJ
          (br_if $doneJ (i32.gt_s (i32.add (local.get $j) (i32.const 2)) (local.get $j1)))
          (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
          (v128.store (i32.add (local.get $gp) (local.get $jb))
            (f64x2.add (v128.load (i32.add (local.get $gp) (local.get $jb)))
              (f64x2.mul (local.get $xv) (v128.load (i32.add (local.get $dp) (local.get $jb))))))
          (local.set $j (i32.add (local.get $j) (i32.const 2)))
          (br $nextJ)))
        (if (i32.lt_s (local.get $j) (local.get $j1)) (then
          (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
          (f64.store (i32.add (local.get $gp) (local.get $jb))
            (f64.add (f64.load (i32.add (local.get $gp) (local.get $jb)))
              (f64.mul (local.get $xi) (f64.load (i32.add (local.get $dp) (local.get $jb))))))))
        (br $nextI)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $nextR)))
  )

  ;; grad = [-1, x]^T . delta summed over the rows for the neurons [j0, j1):
  ;; the bias row, then tiles of 4 inputs x 4 neurons, edges entry by entry.
  (func (export "weightGrad") (param $n i32) (param $m i32) (param $x i32) (param $rows i32) (param $d i32) (param $g i32)
    (param $j0 i32) (param $j1 i32)
    (local $i i32) (local $j i32) (local $r i32) (local $nb i32) (local $mb i32) (local $xp i32) (local $dp i32) (local $gp i32)
    (local $p f64) (local $q f64) (local $s f64) (local $t f64) (local $acc v128) (local $e0 v128) (local $e1 v128) (local $v v128)
    (local $a0 v128) (local $a1 v128) (local $b0 v128) (local $b1 v128)
    (local $c0 v128) (local $c1 v128) (local $d0 v128) (local $d1 v128)
    (local.set $nb (i32.shl (local.get $n) (i32.const 3)))
    (local.set $mb (i32.shl (local.get $m) (i32.const 3)))
    (call $biasGrad (local.get $m) (local.get $rows) (local.get $d) (local.get $g) (local.get $j0) (local.get $j1))
    ;; the inputs, in tiles
    (block $doneI (loop $nextI
      (br_if $doneI (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $n)))
      (local.set $j (local.get $j0))
      (block $doneJ (loop $nextJ
        (br_if $doneJ (i32.gt_s (i32.add (local.get $j) (i32.const 4)) (local.get $j1)))
        (local.set $a0 (v128.const f64x2 0 0)) (local.set $a1 (local.get $a0))
        (local.set $b0 (local.get $a0)) (local.set $b1 (local.get $a0))
        (local.set $c0 (local.get $a0)) (local.set $c1 (local.get $a0))
        (local.set $d0 (local.get $a0)) (local.set $d1 (local.get $a0))
        (local.set $xp (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $dp (i32.add (local.get $d) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $r (i32.const 0))
        (block $doneR (loop $nextR
          (br_if $doneR (i32.ge_s (local.get $r) (local.get $rows)))
          (local.set $p (f64.load offset=0 (local.get $xp)))
          (local.set $q (f64.load offset=8 (local.get $xp)))
          (local.set $s (f64.load offset=16 (local.get $xp)))
          (local.set $t (f64.load offset=24 (local.get $xp)))
          (if (i32.eqz (i32.and
                (i32.and (f64.eq (local.get $p) (f64.const 0)) (f64.eq (local.get $q) (f64.const 0)))
                (i32.and (f64.eq (local.get $s) (f64.const 0)) (f64.eq (local.get $t) (f64.const 0))))) (then
            (local.set $e0 (v128.load offset=0 (local.get $dp)))
            (local.set $e1 (v128.load offset=16 (local.get $dp)))
            (local.set $v (f64x2.splat (local.get $p)))
            (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $v) (local.get $e0))))
            (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $v) (local.get $e1))))
            (local.set $v (f64x2.splat (local.get $q)))
            (local.set $b0 (f64x2.add (local.get $b0) (f64x2.mul (local.get $v) (local.get $e0))))
            (local.set $b1 (f64x2.add (local.get $b1) (f64x2.mul (local.get $v) (local.get $e1))))
            (local.set $v (f64x2.splat (local.get $s)))
            (local.set $c0 (f64x2.add (local.get $c0) (f64x2.mul (local.get $v) (local.get $e0))))
            (local.set $c1 (f64x2.add (local.get $c1) (f64x2.mul (local.get $v) (local.get $e1))))
            (local.set $v (f64x2.splat (local.get $t)))
            (local.set $d0 (f64x2.add (local.get $d0) (f64x2.mul (local.get $v) (local.get $e0))))
            (local.set $d1 (f64x2.add (local.get $d1) (f64x2.mul (local.get $v) (local.get $e1))))))
          (local.set $xp (i32.add (local.get $xp) (local.get $nb)))
          (local.set $dp (i32.add (local.get $dp) (local.get $mb)))
          (local.set $r (i32.add (local.get $r) (i32.const 1)))
          (br $nextR)))
        (local.set $gp (i32.add (local.get $g)
          (i32.shl (i32.add (i32.mul (i32.add (local.get $i) (i32.const 1)) (local.get $m)) (local.get $j)) (i32.const 3))))
        (v128.store offset=0 (local.get $gp) (local.get $a0))
        (v128.store offset=16 (local.get $gp) (local.get $a1))
        (local.set $gp (i32.add (local.get $gp) (local.get $mb)))
        (v128.store offset=0 (local.get $gp) (local.get $b0))
        (v128.store offset=16 (local.get $gp) (local.get $b1))
        (local.set $gp (i32.add (local.get $gp) (local.get $mb)))
        (v128.store offset=0 (local.get $gp) (local.get $c0))
        (v128.store offset=16 (local.get $gp) (local.get $c1))
        (local.set $gp (i32.add (local.get $gp) (local.get $mb)))
        (v128.store offset=0 (local.get $gp) (local.get $d0))
        (v128.store offset=16 (local.get $gp) (local.get $d1))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $nextJ)))
      (if (i32.lt_s (local.get $j) (local.get $j1)) (then
        (call $gradEntries (local.get $n) (local.get $m) (local.get $x) (local.get $rows) (local.get $d) (local.get $g) (local.get $i) (local.get $j) (local.get $j1))
        (call $gradEntries (local.get $n) (local.get $m) (local.get $x) (local.get $rows) (local.get $d) (local.get $g) (i32.add (local.get $i) (i32.const 1)) (local.get $j) (local.get $j1))
        (call $gradEntries (local.get $n) (local.get $m) (local.get $x) (local.get $rows) (local.get $d) (local.get $g) (i32.add (local.get $i) (i32.const 2)) (local.get $j) (local.get $j1))
        (call $gradEntries (local.get $n) (local.get $m) (local.get $x) (local.get $rows) (local.get $d) (local.get $g) (i32.add (local.get $i) (i32.const 3)) (local.get $j) (local.get $j1))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $nextI)))
    (block $done (loop $next
      (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
      (call $gradEntries (local.get $n) (local.get $m) (local.get $x) (local.get $rows) (local.get $d) (local.get $g) (local.get $i) (local.get $j0) (local.get $j1))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next))))

  ;; below[r][i] = delta[r] . w[i+1] for the inputs [i0, i1), two inputs at a
  ;; time: the two weight rows are interleaved so that each lane sums over the
  ;; neurons in order.
  (func (export "inputGrad") (param $w i32) (param $n i32) (param $m i32) (param $rows i32) (param $d i32) (param $out i32)
    (param $i0 i32) (param $i1 i32)
    (local $r i32) (local $i i32) (local $j i32) (local $mb i32) (local $wa i32) (local $wb i32) (local $dp i32)
    (local $ea v128) (local $eb v128) (local $e v128) (local $acc v128) (local $s f64)
    (local.set $mb (i32.shl (local.get $m) (i32.const 3)))
    (block $doneR (loop $nextR
      (br_if $doneR (i32.ge_s (local.get $r) (local.get $rows)))
      (local.set $dp (i32.add (local.get $d) (i32.mul (local.get $r) (local.get $mb))))
      (local.set $i (local.get $i0))
      (block $doneI (loop $nextI
        (br_if $doneI (i32.gt_s (i32.add (local.get $i) (i32.const 2)) (local.get $i1)))
        (local.set $wa (i32.add (local.get $w) (i32.mul (i32.add (local.get $i) (i32.const 1)) (local.get $mb))))
        (local.set $wb (i32.add (local.get $wa) (local.get $mb)))
        (local.set $acc (v128.const f64x2 0 0))
        (local.set $j (i32.const 0))
        (block $doneJ (loop $nextJ
          (br_if $doneJ (i32.gt_s (i32.add (local.get $j) (i32.const 2)) (local.get $m)))
          (local.set $ea (v128.load (i32.add (local.get $wa) (i32.shl (local.get $j) (i32.const 3)))))
          (local.set $eb (v128.load (i32.add (local.get $wb) (i32.shl (local.get $j) (i32.const 3)))))
          (local.set $e (v128.load (i32.add (local.get $dp) (i32.shl (local.get $j) (i32.const 3)))))
          (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul
            (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $ea) (local.get $eb))
            (i8x16.shuffle 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7 (local.get $e) (local.get $e)))))
          (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul
            (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $ea) (local.get $eb))
            (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $e) (local.get $e)))))
          (local.set $j (i32.add (local.get $j) (i32.const 2)))
          (br $nextJ)))
        (if (i32.lt_s (local.get $j) (local.get $m)) (then
          (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul
            (f64x2.replace_lane 1
              (f64x2.splat (f64.load (i32.add (local.get $wa) (i32.shl (local.get $j) (i32.const 3)))))
              (f64.load (i32.add (local.get $wb) (i32.shl (local.get $j) (i32.const 3)))))
            (f64x2.splat (f64.load (i32.add (local.get $dp) (i32.shl (local.get $j) (i32.const 3))))))))))
        (v128.store (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $n)) (local.get $i)) (i32.const 3)))
          (local.get $acc))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $nextI)))
      (if (i32.lt_s (local.get $i) (local.get $i1)) (then
        (local.set $wa (i32.add (local.get $w) (i32.mul (i32.add (local.get $i) (i32.const 1)) (local.get $mb))))
        (local.set $s (f64.const 0))
        (local.set $j (i32.const 0))
        (block $doneJ (loop $nextJ
          (br_if $doneJ (i32.ge_s (local.get $j) (local.get $m)))
          (local.set $s (f64.add (local.get $s) (f64.mul
            (f64.load (i32.add (local.get $wa) (i32.shl (local.get $j) (i32.const 3))))
            (f64.load (i32.add (local.get $dp) (i32.shl (local.get $j) (i32.const 3)))))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $nextJ)))
        (f64.store (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $n)) (local.get $i)) (i32.const 3)))
          (local.get $s))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $nextR))))

  ;; One example's update of a layer, in place: w[0] = w[0] - rate (0 - delta),
  ;; w[i+1] = w[i+1] - rate (x_i delta); when $below >= 0, first (with the
  ;; old weights) below[i] = delta . w[i+1], two inputs at a time.
  (func (export "update") (param $w i32) (param $n i32) (param $m i32) (param $x i32) (param $d i32) (param $rate f64) (param $below i32)
    (local $i i32) (local $j i32) (local $mb i32) (local $wa i32) (local $wb i32) (local $jb i32)
    (local $rv v128) (local $xa v128) (local $xb v128) (local $ea v128) (local $eb v128) (local $e v128) (local $acc v128)
    (local $xi f64) (local $xk f64) (local $a f64) (local $b f64) (local $dj f64) (local $s f64)
    (local.set $mb (i32.shl (local.get $m) (i32.const 3)))
    (local.set $rv (f64x2.splat (local.get $rate)))
    ;; the bias row
    (block $done (loop $next
      (br_if $done (i32.gt_s (i32.add (local.get $j) (i32.const 2)) (local.get $m)))
      (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
      (v128.store (i32.add (local.get $w) (local.get $jb))
        (f64x2.sub (v128.load (i32.add (local.get $w) (local.get $jb)))
          (f64x2.mul (local.get $rv) (f64x2.sub (v128.const f64x2 0 0) (v128.load (i32.add (local.get $d) (local.get $jb)))))))
      (local.set $j (i32.add (local.get $j) (i32.const 2)))
      (br $next)))
    (if (i32.lt_s (local.get $j) (local.get $m)) (then
      (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
      (f64.store (i32.add (local.get $w) (local.get $jb))
        (f64.sub (f64.load (i32.add (local.get $w) (local.get $jb)))
          (f64.mul (local.get $rate) (f64.sub (f64.const 0) (f64.load (i32.add (local.get $d) (local.get $jb)))))))))
    (if (i32.lt_s (local.get $below) (i32.const 0)) (then
      ;; no deltas below: only the updates, skipping the rows of zero inputs
      (block $doneI (loop $nextI
        (br_if $doneI (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $xi (f64.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $nextI (f64.eq (local.get $xi) (f64.const 0)))
        (local.set $wa (i32.add (local.get $w) (i32.mul (local.get $i) (local.get $mb))))
        (local.set $xa (f64x2.splat (local.get $xi)))
        (local.set $j (i32.const 0))
        (block $doneJ (loop $nextJ
          (br_if $doneJ (i32.gt_s (i32.add (local.get $j) (i32.const 2)) (local.get $m)))
          (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
          (v128.store (i32.add (local.get $wa) (local.get $jb))
            (f64x2.sub (v128.load (i32.add (local.get $wa) (local.get $jb)))
              (f64x2.mul (local.get $rv) (f64x2.mul (local.get $xa) (v128.load (i32.add (local.get $d) (local.get $jb)))))))
          (local.set $j (i32.add (local.get $j) (i32.const 2)))
          (br $nextJ)))
        (if (i32.lt_s (local.get $j) (local.get $m)) (then
          (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
          (f64.store (i32.add (local.get $wa) (local.get $jb))
            (f64.sub (f64.load (i32.add (local.get $wa) (local.get $jb)))
              (f64.mul (local.get $rate) (f64.mul (local.get $xi) (f64.load (i32.add (local.get $d) (local.get $jb)))))))))
        (br $nextI)))
      (return)))
    ;; deltas below and updates, two rows of weights at a time
    (block $doneI (loop $nextI
      (br_if $doneI (i32.gt_s (i32.add (local.get $i) (i32.const 2)) (local.get $n)))
      (local.set $xi (f64.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3)))))
      (local.set $xk (f64.load offset=8 (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3)))))
      (local.set $xa (f64x2.splat (local.get $xi)))
      (local.set $xb (f64x2.splat (local.get $xk)))
      (local.set $wa (i32.add (local.get $w) (i32.mul (i32.add (local.get $i) (i32.const 1)) (local.get $mb))))
      (local.set $wb (i32.add (local.get $wa) (local.get $mb)))
      (local.set $acc (v128.const f64x2 0 0))
      (local.set $j (i32.const 0))
      (block $doneJ (loop $nextJ
        (br_if $doneJ (i32.gt_s (i32.add (local.get $j) (i32.const 2)) (local.get $m)))
        (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
        (local.set $ea (v128.load (i32.add (local.get $wa) (local.get $jb))))
        (local.set $eb (v128.load (i32.add (local.get $wb) (local.get $jb))))
        (local.set $e (v128.load (i32.add (local.get $d) (local.get $jb))))
        (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $ea) (local.get $eb))
          (i8x16.shuffle 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7 (local.get $e) (local.get $e)))))
        (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $ea) (local.get $eb))
          (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $e) (local.get $e)))))
        (v128.store (i32.add (local.get $wa) (local.get $jb))
          (f64x2.sub (local.get $ea) (f64x2.mul (local.get $rv) (f64x2.mul (local.get $xa) (local.get $e)))))
        (v128.store (i32.add (local.get $wb) (local.get $jb))
          (f64x2.sub (local.get $eb) (f64x2.mul (local.get $rv) (f64x2.mul (local.get $xb) (local.get $e)))))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $nextJ)))
      (if (i32.lt_s (local.get $j) (local.get $m)) (then
        (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
        (local.set $a (f64.load (i32.add (local.get $wa) (local.get $jb))))
        (local.set $b (f64.load (i32.add (local.get $wb) (local.get $jb))))
        (local.set $dj (f64.load (i32.add (local.get $d) (local.get $jb))))
        (local.set $acc (f64x2.add (local.get $acc)
          (f64x2.mul (f64x2.replace_lane 1 (f64x2.splat (local.get $a)) (local.get $b)) (f64x2.splat (local.get $dj)))))
        (f64.store (i32.add (local.get $wa) (local.get $jb))
          (f64.sub (local.get $a) (f64.mul (local.get $rate) (f64.mul (local.get $xi) (local.get $dj)))))
        (f64.store (i32.add (local.get $wb) (local.get $jb))
          (f64.sub (local.get $b) (f64.mul (local.get $rate) (f64.mul (local.get $xk) (local.get $dj)))))))
      (v128.store (i32.add (local.get $below) (i32.shl (local.get $i) (i32.const 3))) (local.get $acc))
      (local.set $i (i32.add (local.get $i) (i32.const 2)))
      (br $nextI)))
    (if (i32.lt_s (local.get $i) (local.get $n)) (then
      (local.set $xi (f64.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3)))))
      (local.set $wa (i32.add (local.get $w) (i32.mul (i32.add (local.get $i) (i32.const 1)) (local.get $mb))))
      (local.set $s (f64.const 0))
      (local.set $j (i32.const 0))
      (block $doneJ (loop $nextJ
        (br_if $doneJ (i32.ge_s (local.get $j) (local.get $m)))
        (local.set $jb (i32.shl (local.get $j) (i32.const 3)))
        (local.set $a (f64.load (i32.add (local.get $wa) (local.get $jb))))
        (local.set $dj (f64.load (i32.add (local.get $d) (local.get $jb))))
        (local.set $s (f64.add (local.get $s) (f64.mul (local.get $a) (local.get $dj))))
        (f64.store (i32.add (local.get $wa) (local.get $jb))
          (f64.sub (local.get $a) (f64.mul (local.get $rate) (f64.mul (local.get $xi) (local.get $dj)))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $nextJ)))
      (f64.store (i32.add (local.get $below) (i32.shl (local.get $i) (i32.const 3))) (local.get $s)))))

  ;; out = w - rate grad, element by element, over $count numbers.
  (func (export "step") (param $w i32) (param $g i32) (param $rate f64) (param $out i32) (param $count i32)
    (local $k i32) (local $end i32) (local $rv v128)
    (local.set $rv (f64x2.splat (local.get $rate)))
    (local.set $end (i32.shl (local.get $count) (i32.const 3)))
    (block $done (loop $next
      (br_if $done (i32.gt_u (i32.add (local.get $k) (i32.const 16)) (local.get $end)))
      (v128.store (i32.add (local.get $out) (local.get $k))
        (f64x2.sub (v128.load (i32.add (local.get $w) (local.get $k)))
          (f64x2.mul (local.get $rv) (v128.load (i32.add (local.get $g) (local.get $k))))))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br $next)))
    (if (i32.lt_u (local.get $k) (local.get $end)) (then
      (f64.store (i32.add (local.get $out) (local.get $k))
        (f64.sub (f64.load (i32.add (local.get $w) (local.get $k)))
          (f64.mul (local.get $rate) (f64.load (i32.add (local.get $g) (local.get $k)))))))))

;; ==== The optimiser updates (src/optim/updates.ts) ====
  ;;
  ;; Element-wise over one layer's flat weights, two neighbours at a time:
  ;; each lane is the scalar formula of the JavaScript loop, operation for
  ;; operation (f64x2 add, sub, mul, div and sqrt round each lane as the
  ;; scalar ones do; no fused multiply-add), so the bits are the loop's.
  ;; Each kernel does the first $count - $count % 2 entries; the caller's
  ;; loop does the odd last one. $out may be $w.

  ;; g = g + lambda w.
  (func (export "decayGradient") (param $g i32) (param $w i32) (param $lambda f64) (param $count i32)
    (local $k i32) (local $end i32) (local $lv v128) (local $p i32)
    (local.set $lv (f64x2.splat (local.get $lambda)))
    (local.set $end (i32.shl (local.get $count) (i32.const 3)))
    (block $done (loop $next
      (br_if $done (i32.gt_u (i32.add (local.get $k) (i32.const 16)) (local.get $end)))
      (local.set $p (i32.add (local.get $g) (local.get $k)))
      (v128.store (local.get $p) (f64x2.add (v128.load (local.get $p))
        (f64x2.mul (local.get $lv) (v128.load (i32.add (local.get $w) (local.get $k))))))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br $next))))

  ;; out = w keep (AdamW's decoupled decay, keep = 1 - rate lambda).
  (func (export "scaleWeights") (param $w i32) (param $keep f64) (param $out i32) (param $count i32)
    (local $k i32) (local $end i32) (local $kv v128)
    (local.set $kv (f64x2.splat (local.get $keep)))
    (local.set $end (i32.shl (local.get $count) (i32.const 3)))
    (block $done (loop $next
      (br_if $done (i32.gt_u (i32.add (local.get $k) (i32.const 16)) (local.get $end)))
      (v128.store (i32.add (local.get $out) (local.get $k))
        (f64x2.mul (v128.load (i32.add (local.get $w) (local.get $k))) (local.get $kv)))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br $next))))

  ;; SGD with momentum: b = g ($first) or mu b + keep g; out = w - rate (g + mu b) ($nesterov) or w - rate b.
  (func (export "momentum") (param $w i32) (param $g i32) (param $b i32) (param $out i32)
    (param $mu f64) (param $keep f64) (param $rate f64) (param $first i32) (param $nesterov i32) (param $count i32)
    (local $k i32) (local $end i32) (local $muv v128) (local $kv v128) (local $rv v128)
    (local $gk v128) (local $bk v128) (local $dir v128)
    (local.set $muv (f64x2.splat (local.get $mu)))
    (local.set $kv (f64x2.splat (local.get $keep)))
    (local.set $rv (f64x2.splat (local.get $rate)))
    (local.set $end (i32.shl (local.get $count) (i32.const 3)))
    (block $done (loop $next
      (br_if $done (i32.gt_u (i32.add (local.get $k) (i32.const 16)) (local.get $end)))
      (local.set $gk (v128.load (i32.add (local.get $g) (local.get $k))))
      (local.set $bk (select (result v128) (local.get $gk)
        (f64x2.add (f64x2.mul (local.get $muv) (v128.load (i32.add (local.get $b) (local.get $k))))
          (f64x2.mul (local.get $kv) (local.get $gk)))
        (local.get $first)))
      (v128.store (i32.add (local.get $b) (local.get $k)) (local.get $bk))
      (local.set $dir (select (result v128)
        (f64x2.add (local.get $gk) (f64x2.mul (local.get $muv) (local.get $bk))) (local.get $bk)
        (local.get $nesterov)))
      (v128.store (i32.add (local.get $out) (local.get $k))
        (f64x2.sub (v128.load (i32.add (local.get $w) (local.get $k))) (f64x2.mul (local.get $rv) (local.get $dir))))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br $next))))

  ;; Adam: m = beta1 m + new1 g, v = beta2 v + new2 (g g),
  ;; out = w - (a m) / (sqrt(v) r + epsilon), with a = rate / c1 and
  ;; r = 1 / sqrt(c2) from the caller (src/optim/updates.ts says why).
  (func (export "adam") (param $w i32) (param $g i32) (param $m i32) (param $v i32) (param $out i32)
    (param $beta1 f64) (param $new1 f64) (param $beta2 f64) (param $new2 f64)
    (param $a f64) (param $r f64) (param $epsilon f64) (param $count i32)
    (local $k i32) (local $end i32) (local $gk v128) (local $mk v128) (local $vk v128)
    (local $b1 v128) (local $n1 v128) (local $b2 v128) (local $n2 v128)
    (local $av v128) (local $r2 v128) (local $ev v128)
    (local.set $b1 (f64x2.splat (local.get $beta1)))
    (local.set $n1 (f64x2.splat (local.get $new1)))
    (local.set $b2 (f64x2.splat (local.get $beta2)))
    (local.set $n2 (f64x2.splat (local.get $new2)))
    (local.set $av (f64x2.splat (local.get $a)))
    (local.set $r2 (f64x2.splat (local.get $r)))
    (local.set $ev (f64x2.splat (local.get $epsilon)))
    (local.set $end (i32.shl (local.get $count) (i32.const 3)))
    (block $done (loop $next
      (br_if $done (i32.gt_u (i32.add (local.get $k) (i32.const 16)) (local.get $end)))
      (local.set $gk (v128.load (i32.add (local.get $g) (local.get $k))))
      (local.set $mk (f64x2.add (f64x2.mul (local.get $b1) (v128.load (i32.add (local.get $m) (local.get $k))))
        (f64x2.mul (local.get $n1) (local.get $gk))))
      (local.set $vk (f64x2.add (f64x2.mul (local.get $b2) (v128.load (i32.add (local.get $v) (local.get $k))))
        (f64x2.mul (local.get $n2) (f64x2.mul (local.get $gk) (local.get $gk)))))
      (v128.store (i32.add (local.get $m) (local.get $k)) (local.get $mk))
      (v128.store (i32.add (local.get $v) (local.get $k)) (local.get $vk))
      (v128.store (i32.add (local.get $out) (local.get $k))
        (f64x2.sub (v128.load (i32.add (local.get $w) (local.get $k)))
          (f64x2.div (f64x2.mul (local.get $av) (local.get $mk))
            (f64x2.add (f64x2.mul (f64x2.sqrt (local.get $vk)) (local.get $r2)) (local.get $ev)))))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br $next))))

  ;; RMSprop: v = alpha v + new2 (g g), s = g / (sqrt(v) + epsilon); with
  ;; $momentum, b = mu b + s and out = w - rate b, else out = w - rate s.
  (func (export "rmsprop") (param $w i32) (param $g i32) (param $v i32) (param $b i32) (param $out i32)
    (param $alpha f64) (param $new2 f64) (param $epsilon f64) (param $mu f64) (param $rate f64)
    (param $momentum i32) (param $count i32)
    (local $k i32) (local $end i32) (local $gk v128) (local $vk v128) (local $s v128)
    (local $av v128) (local $n2 v128) (local $ev v128) (local $muv v128) (local $rv v128)
    (local.set $av (f64x2.splat (local.get $alpha)))
    (local.set $n2 (f64x2.splat (local.get $new2)))
    (local.set $ev (f64x2.splat (local.get $epsilon)))
    (local.set $muv (f64x2.splat (local.get $mu)))
    (local.set $rv (f64x2.splat (local.get $rate)))
    (local.set $end (i32.shl (local.get $count) (i32.const 3)))
    (block $done (loop $next
      (br_if $done (i32.gt_u (i32.add (local.get $k) (i32.const 16)) (local.get $end)))
      (local.set $gk (v128.load (i32.add (local.get $g) (local.get $k))))
      (local.set $vk (f64x2.add (f64x2.mul (local.get $av) (v128.load (i32.add (local.get $v) (local.get $k))))
        (f64x2.mul (local.get $n2) (f64x2.mul (local.get $gk) (local.get $gk)))))
      (v128.store (i32.add (local.get $v) (local.get $k)) (local.get $vk))
      (local.set $s (f64x2.div (local.get $gk) (f64x2.add (f64x2.sqrt (local.get $vk)) (local.get $ev))))
      (if (local.get $momentum) (then
        (local.set $s (f64x2.add (f64x2.mul (local.get $muv) (v128.load (i32.add (local.get $b) (local.get $k))))
          (local.get $s)))
        (v128.store (i32.add (local.get $b) (local.get $k)) (local.get $s))))
      (v128.store (i32.add (local.get $out) (local.get $k))
        (f64x2.sub (v128.load (i32.add (local.get $w) (local.get $k))) (f64x2.mul (local.get $rv) (local.get $s))))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br $next))))

  ;; ==== End of the optimiser updates ====

  ;; The machine's peak for these kernels: $count rounds of 8 independent
  ;; f64x2 multiply-then-add chains on registers (32 flops a round), the
  ;; multiplier moving by one addition a round so nothing can be hoisted.
  (func (export "peak") (param $count i32) (param $seed f64) (result f64)
    (local $k i32) (local $v v128) (local $step v128)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local $c4 v128) (local $c5 v128) (local $c6 v128) (local $c7 v128)
    (local.set $v (f64x2.splat (local.get $seed)))
    (local.set $step (f64x2.splat (f64.const 1e-9)))
    (block $done (loop $next
      (br_if $done (i32.ge_s (local.get $k) (local.get $count)))
      (local.set $c0 (f64x2.add (local.get $c0) (f64x2.mul (local.get $v) (v128.const f64x2 0.001 0.002))))
      (local.set $c1 (f64x2.add (local.get $c1) (f64x2.mul (local.get $v) (v128.const f64x2 0.003 0.004))))
      (local.set $c2 (f64x2.add (local.get $c2) (f64x2.mul (local.get $v) (v128.const f64x2 0.005 0.006))))
      (local.set $c3 (f64x2.add (local.get $c3) (f64x2.mul (local.get $v) (v128.const f64x2 0.007 0.008))))
      (local.set $c4 (f64x2.add (local.get $c4) (f64x2.mul (local.get $v) (v128.const f64x2 0.009 0.010))))
      (local.set $c5 (f64x2.add (local.get $c5) (f64x2.mul (local.get $v) (v128.const f64x2 0.011 0.012))))
      (local.set $c6 (f64x2.add (local.get $c6) (f64x2.mul (local.get $v) (v128.const f64x2 0.013 0.014))))
      (local.set $c7 (f64x2.add (local.get $c7) (f64x2.mul (local.get $v) (v128.const f64x2 0.015 0.016))))
      (local.set $v (f64x2.add (local.get $v) (local.get $step)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $next)))
    (f64x2.extract_lane 0 (f64x2.add
      (f64x2.add (f64x2.add (local.get $c0) (local.get $c1)) (f64x2.add (local.get $c2) (local.get $c3)))
      (f64x2.add (f64x2.add (local.get $c4) (local.get $c5)) (f64x2.add (local.get $c6) (local.get $c7)))))))

import Dispatch
import Foundation
import KinoCore

/// What one frame shows, ready to rasterise: lit triangles of the set (drawn first), the
/// shadows they and the actors cast, the actors, rain streaks and the background.
/// A drawn frame with what the engine knows about its pixels: the subject's matte (per
/// pixel, 0 none … 255 all of it) and how many samples showed no surface at all.
struct RenderedFrame: Sendable {
    var frame: Frame
    var matte: [UInt8]
    var emptySamples: Int
}

struct RasterScene: Sendable {
    var camera: PinholeCamera
    var light: SceneLight
    var scenery: TriangleSoup
    var actors: TriangleSoup
    /// Shadow triangles on the ground, one list per sample of the area key light.
    var shadows: [[SIMD3<Float>]]
    /// Rain streaks: start and end points in world space, two entries per streak.
    var rain: [SIMD3<Float>]
    var rainColor: SIMD3<Float>
    var backdrop: Backdrop?
    /// Applied to the finished pixels, band by band.
    var grade: ColorGrade? = nil
}

/// A software rasteriser: perspective projection, near-plane clipping, fixed-point edge
/// functions with a top-left fill rule, a 1/z depth buffer, Gouraud colour, planar shadows
/// and supersampled anti-aliasing. Rows are split into bands drawn in parallel; every sample
/// depends only on the triangles in their fixed order, so frames are bit-identical however
/// the bands are scheduled.
final class Rasteriser: @unchecked Sendable {
    let width: Int, height: Int
    /// Samples per pixel along each axis.
    let supersample: Int
    let sampleWidth: Int, sampleHeight: Int
    let color: UnsafeMutablePointer<UInt32>
    let depth: UnsafeMutablePointer<Float>
    let mask: UnsafeMutablePointer<UInt8>
    /// Per sample: 1 where the nearest surface belongs to the subject.
    let subject: UnsafeMutablePointer<UInt8>
    static let near: Float = 0.05

    init(width: Int, height: Int, supersample: Int? = nil) {
        self.width = width; self.height = height
        let s = supersample ?? 2
        self.supersample = s
        sampleWidth = width * s; sampleHeight = height * s
        let n = sampleWidth * sampleHeight
        color = .allocate(capacity: n); depth = .allocate(capacity: n); mask = .allocate(capacity: n)
        subject = .allocate(capacity: n)
    }

    deinit { color.deallocate(); depth.deallocate(); mask.deallocate(); subject.deallocate() }

    struct ScreenTriangle {
        var minX: Int, maxX: Int, minY: Int, maxY: Int
        var a: SIMD3<Int64>, b: SIMD3<Int64>, c: SIMD3<Int64>
        var x0: Double, y0: Double
        var z: SIMD3<Double>, r: SIMD3<Double>, g: SIMD3<Double>, bl: SIMD3<Double>
        /// The largest 1/z of the vertices.
        var nearest: Double
        /// 1 for the subject's triangles (written to the matte), else 0.
        var subject: UInt8
    }

    struct SendablePointer<T>: @unchecked Sendable { let p: UnsafeMutablePointer<T> }

    /// Draws the scene into a new frame, `bandRows` output rows per parallel band (by
    /// default an eighth of the frame); the result does not depend on it.
    func render(_ scene: RasterScene, bandRows: Int? = nil) -> Frame {
        renderLayers(scene, bandRows: bandRows).frame
    }

    /// Draws the scene into a frame, the subject's matte and a count of the samples no
    /// surface covered (where the sky shows).
    func renderLayers(_ scene: RasterScene, bandRows: Int? = nil) -> RenderedFrame {
        let cam = scene.camera
        // Nearest first, so hidden samples fail the depth test before any colour is computed.
        let scenery = Rasteriser.frontToBack(setup(scene.scenery, camera: cam))
        let actors = Rasteriser.frontToBack(setup(scene.actors, camera: cam))
        let shadowSets = scene.shadows.map { set in
            setup(TriangleSoup(positions: set, colors: [SIMD3<Float>](repeating: .zero, count: set.count), cull: [], subject: []), camera: cam)
        }
        let lines = rainLines(scene.rain, camera: cam)
        var pixels = [UInt8](repeating: 255, count: width * height * 4)
        var matte = [UInt8](repeating: 0, count: width * height)
        var empty = [Int](repeating: 0, count: (height + max(1, bandRows ?? max(4, height / 8)) - 1) / max(1, bandRows ?? max(4, height / 8)))
        let rowsPerBand = max(1, bandRows ?? max(4, height / 8))
        let bands = (height + rowsPerBand - 1) / rowsPerBand
        // Each light sample that a caster hides takes its share: all hidden, the full shadow.
        let keep = pow(Double(max(0, 1 - scene.light.shadowStrength)), 1 / Double(max(1, shadowSets.count)))
        let darken = UInt32(max(0, min(256, (keep * 256).rounded())))
        let gradeTables = scene.grade?.tables()
        pixels.withUnsafeMutableBufferPointer { out in
          matte.withUnsafeMutableBufferPointer { matteOut in
           empty.withUnsafeMutableBufferPointer { emptyOut in
            let target = SendablePointer(p: out.baseAddress!)
            let matteTarget = SendablePointer(p: matteOut.baseAddress!)
            let emptyTarget = SendablePointer(p: emptyOut.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: bands) { band in
                let y0 = band * rowsPerBand, y1 = min(height, y0 + rowsPerBand)
                let s0 = y0 * supersample, s1 = y1 * supersample
                background(scene, rows: y0..<y1)
                scenery.withUnsafeBufferPointer { ts in
                    for i in ts.indices where ts[i].maxY >= s0 && ts[i].minY < s1 { fill(ts.baseAddress! + i, rows: s0..<s1) }
                }
                for (k, shadows) in shadowSets.enumerated() {
                    shadows.withUnsafeBufferPointer { ts in
                        for i in ts.indices where ts[i].maxY >= s0 && ts[i].minY < s1 {
                            shade(ts.baseAddress! + i, rows: s0..<s1, darken: darken, bit: UInt8(1 << k))
                        }
                    }
                }
                actors.withUnsafeBufferPointer { ts in
                    for i in ts.indices where ts[i].maxY >= s0 && ts[i].minY < s1 { fill(ts.baseAddress! + i, rows: s0..<s1) }
                }
                drawRain(lines, color: scene.rainColor, rows: s0..<s1)
                resolve(into: target.p, rows: y0..<y1)
                if let grade = scene.grade, let tables = gradeTables { grade.apply(to: target.p, width: width, rows: y0..<y1, tables: tables) }
                resolveMatte(into: matteTarget.p, rows: y0..<y1)
                emptyTarget.p[band] = emptySamples(rows: s0..<s1)
            }
           }
          }
        }
        return RenderedFrame(frame: Frame(width: width, height: height, pixels: pixels), matte: matte,
                             emptySamples: empty.reduce(0, +))
    }

    // MARK: triangle setup

    /// Sorts by the nearest vertex depth, ties kept in drawing order: deterministic.
    static func frontToBack(_ tris: [ScreenTriangle]) -> [ScreenTriangle] {
        let order = tris.indices.sorted { a, b in
            let za = tris[a].nearest, zb = tris[b].nearest
            return za != zb ? za > zb : a < b
        }
        return order.map { tris[$0] }
    }

    private func setup(_ soup: TriangleSoup, camera: PinholeCamera) -> [ScreenTriangle] {
        let positions = soup.positions, colors = soup.colors
        let cull: [Bool]? = soup.cull.isEmpty ? nil : soup.cull
        let subjects = soup.subject
        let right = SIMD3<Float>(camera.right), up = SIMD3<Float>(camera.up), fwd = SIMD3<Float>(camera.forward)
        let eye = SIMD3<Float>(camera.position)
        let f = camera.focalPixels * Double(supersample)
        let cx = Double(sampleWidth) / 2, cy = Double(sampleHeight) / 2
        var out: [ScreenTriangle] = []
        out.reserveCapacity(positions.count / 3)
        var poly: [(SIMD3<Float>, SIMD3<Float>)] = []
        poly.reserveCapacity(4)
        let n = positions.count / 3
        positions.withUnsafeBufferPointer { pos in
            colors.withUnsafeBufferPointer { col in
                for t in 0..<n {
                    @inline(__always) func cam(_ k: Int) -> SIMD3<Float> {
                        let d = pos[t * 3 + k] - eye
                        return SIMD3<Float>((d * right).sum(), (d * up).sum(), (d * fwd).sum())
                    }
                    let c0 = cam(0), c1 = cam(1), c2 = cam(2)
                    let near = Rasteriser.near
                    let behind = (c0.z < near ? 1 : 0) + (c1.z < near ? 1 : 0) + (c2.z < near ? 1 : 0)
                    if behind == 3 { continue }
                    // Off to one side of the view entirely: skip before any setup.
                    let lim = Float(max(sampleWidth, sampleHeight)) / Float(f) * 1.05 + 0.01
                    if behind == 0 {
                        if c0.x > lim * c0.z && c1.x > lim * c1.z && c2.x > lim * c2.z { continue }
                        if c0.x < -lim * c0.z && c1.x < -lim * c1.z && c2.x < -lim * c2.z { continue }
                        if c0.y > lim * c0.z && c1.y > lim * c1.z && c2.y > lim * c2.z { continue }
                        if c0.y < -lim * c0.z && c1.y < -lim * c1.z && c2.y < -lim * c2.z { continue }
                    }
                    let cullThis = cull?[t] ?? false
                    let isSubject: UInt8 = t < subjects.count && subjects[t] ? 1 : 0
                    let v0 = (c0, col[t * 3]), v1 = (c1, col[t * 3 + 1]), v2 = (c2, col[t * 3 + 2])
                    if behind > 0 {
                        poly.removeAll(keepingCapacity: true)
                        let vs = [v0, v1, v2]
                        for k in 0..<3 {
                            let (p, pc) = vs[k], (q, qc) = vs[(k + 1) % 3]
                            let pin = p.z >= near, qin = q.z >= near
                            if pin { poly.append((p, pc)) }
                            if pin != qin {
                                let s = (near - p.z) / (q.z - p.z)
                                poly.append((p + (q - p) * s, pc + (qc - pc) * s))
                            }
                        }
                        for k in 1..<(poly.count - 1) {
                            if let st = screen(poly[0], poly[k], poly[k + 1], f: f, cx: cx, cy: cy, cull: cullThis, subject: isSubject) { out.append(st) }
                        }
                    } else if let st = screen(v0, v1, v2, f: f, cx: cx, cy: cy, cull: cullThis, subject: isSubject) {
                        out.append(st)
                    }
                }
            }
        }
        return out
    }

    private func screen(_ p0: (SIMD3<Float>, SIMD3<Float>), _ p1: (SIMD3<Float>, SIMD3<Float>), _ p2: (SIMD3<Float>, SIMD3<Float>),
                        f: Double, cx: Double, cy: Double, cull: Bool, subject: UInt8) -> ScreenTriangle? {
        @inline(__always) func fixed(_ c: SIMD3<Float>) -> (Int64, Int64) {
            let limit = 1.0e8
            let sx = cx + f * Double(c.x) / Double(c.z), sy = cy - f * Double(c.y) / Double(c.z)
            return (Int64((max(-limit, min(limit, sx)) * 16).rounded()), Int64((max(-limit, min(limit, sy)) * 16).rounded()))
        }
        var v0 = p0, v1 = p1, v2 = p2
        var (x0f, y0f) = fixed(v0.0), (x1f, y1f) = fixed(v1.0), (x2f, y2f) = fixed(v2.0)
        var area = (x1f - x0f) * (y2f - y0f) - (y1f - y0f) * (x2f - x0f)
        if area == 0 { return nil }
        // Our edge functions are positive inside for area > 0; front faces (counter-clockwise
        // seen from outside, y up) come out with area < 0 because screen y points down.
        if cull && area > 0 { return nil }
        if area < 0 { swap(&v1, &v2); swap(&x1f, &x2f); swap(&y1f, &y2f); area = -area }
        let fx = SIMD3<Int64>(x0f, x1f, x2f), fy = SIMD3<Int64>(y0f, y1f, y2f)
        let vs = (v0, v1, v2)
        let minXf = fx.min(), maxXf = fx.max(), minYf = fy.min(), maxYf = fy.max()
        let minX = max(0, Int((minXf - 8 + 15) >> 4)), maxX = min(sampleWidth - 1, Int((maxXf - 8) >> 4))
        let minY = max(0, Int((minYf - 8 + 15) >> 4)), maxY = min(sampleHeight - 1, Int((maxYf - 8) >> 4))
        if minX > maxX || minY > maxY { return nil }
        var a = SIMD3<Int64>(), b = SIMD3<Int64>(), c = SIMD3<Int64>()
        for k in 0..<3 {
            let i = k, j = (k + 1) % 3
            let ea = fy[i] - fy[j], eb = fx[j] - fx[i]
            var ec = fx[i] * fy[j] - fy[i] * fx[j]
            let topLeft = ea > 0 || (ea == 0 && eb > 0)
            if !topLeft { ec -= 1 }
            a[k] = ea; b[k] = eb; c[k] = ec
        }
        let x0 = Double(fx[0]) / 16, y0 = Double(fy[0]) / 16
        let x1 = Double(fx[1]) / 16 - x0, y1 = Double(fy[1]) / 16 - y0
        let x2 = Double(fx[2]) / 16 - x0, y2 = Double(fy[2]) / 16 - y0
        let det = x1 * y2 - x2 * y1
        func plane(_ f0: Double, _ f1: Double, _ f2: Double) -> SIMD3<Double> {
            let d1 = f1 - f0, d2 = f2 - f0
            return SIMD3(f0, (d1 * y2 - d2 * y1) / det, (d2 * x1 - d1 * x2) / det)
        }
        let cs = (vs.0.1.clamped(lowerBound: .zero, upperBound: SIMD3(1, 1, 1)) * 255 * 65536,
                  vs.1.1.clamped(lowerBound: .zero, upperBound: SIMD3(1, 1, 1)) * 255 * 65536,
                  vs.2.1.clamped(lowerBound: .zero, upperBound: SIMD3(1, 1, 1)) * 255 * 65536)
        return ScreenTriangle(minX: minX, maxX: maxX, minY: minY, maxY: maxY, a: a, b: b, c: c, x0: x0, y0: y0,
                              z: plane(1 / Double(vs.0.0.z), 1 / Double(vs.1.0.z), 1 / Double(vs.2.0.z)),
                              r: plane(Double(cs.0.x), Double(cs.1.x), Double(cs.2.x)),
                              g: plane(Double(cs.0.y), Double(cs.1.y), Double(cs.2.y)),
                              bl: plane(Double(cs.0.z), Double(cs.1.z), Double(cs.2.z)),
                              nearest: 1 / Double(min(vs.0.0.z, vs.1.0.z, vs.2.0.z)), subject: subject)
    }

    @inline(__always) static func floorDiv(_ n: Int64, _ d: Int64) -> Int64 {
        n >= 0 ? n / d : -((-n + d - 1) / d)
    }

    /// The covered samples of row `y` of a triangle, or nil.
    @inline(__always) private func span(_ t: UnsafePointer<ScreenTriangle>, row y: Int) -> (Int, Int)? {
        let Y = Int64(y) * 16 + 8
        var lo = Int64(t.pointee.minX), hi = Int64(t.pointee.maxX)
        for k in 0..<3 {
            let A = t.pointee.a[k]
            let K = A * 8 + t.pointee.b[k] * Y + t.pointee.c[k]
            if A > 0 {
                lo = max(lo, Rasteriser.firstInside(A * 16, K))
            } else if A < 0 {
                hi = min(hi, Rasteriser.lastInside(-A * 16, K))
            } else if K < 0 {
                return nil
            }
        }
        return lo <= hi ? (Int(lo), Int(hi)) : nil
    }

    /// The smallest x with a·x + k >= 0 (a > 0): a truncated floating-point estimate corrected with
    /// exact integer tests, or an integer division when the values are too large for a Double.
    @inline(__always) static func firstInside(_ a: Int64, _ k: Int64) -> Int64 {
        guard k.magnitude < 1 << 50 else { return -floorDiv(k, a) }
        var x = Int64(Double(-k) / Double(a))
        while a * x + k < 0 { x += 1 }
        while a * (x - 1) + k >= 0 { x -= 1 }
        return x
    }

    /// The largest x with k − a·x >= 0 (a > 0).
    @inline(__always) static func lastInside(_ a: Int64, _ k: Int64) -> Int64 {
        guard k.magnitude < 1 << 50 else { return floorDiv(k, a) }
        var x = Int64(Double(k) / Double(a))
        while k - a * x < 0 { x -= 1 }
        while k - a * (x + 1) >= 0 { x += 1 }
        return x
    }

    @inline(__always) static func pack(_ r: Float, _ g: Float, _ b: Float) -> UInt32 {
        let ri = UInt32(max(0, min(255, r * 255 + 0.5)))
        let gi = UInt32(max(0, min(255, g * 255 + 0.5)))
        let bi = UInt32(max(0, min(255, b * 255 + 0.5)))
        return ri | gi << 8 | bi << 16 | 0xff00_0000
    }

    private func fill(_ tp: UnsafePointer<ScreenTriangle>, rows: Range<Int>) {
        let t = tp.pointee
        let yStart = max(t.minY, rows.lowerBound), yEnd = min(t.maxY, rows.upperBound - 1)
        if yStart > yEnd { return }
        for y in yStart...yEnd {
            guard let (lo, hi) = span(tp, row: y) else { continue }
            let sx = Double(lo) + 0.5 - t.x0, sy = Double(y) + 0.5 - t.y0
            let z0 = Float(t.z.x + t.z.y * sx + t.z.z * sy), dz = Float(t.z.y)
            // Colours in 16.16 fixed point: exact integer steps, no float conversions per sample.
            let r0 = Int(t.r.x + t.r.y * sx + t.r.z * sy), dr = Int(t.r.y)
            let g0 = Int(t.g.x + t.g.y * sx + t.g.z * sy), dg = Int(t.g.y)
            let b0 = Int(t.bl.x + t.bl.y * sx + t.bl.z * sy), db = Int(t.bl.y)
            let rowBase = y * sampleWidth
            let depth = self.depth, color = self.color, subjectID = self.subject, sid = t.subject
            for x in lo...hi {
                let i = x - lo
                let z = z0 + dz * Float(i)
                let idx = rowBase + x
                if z > depth[idx] {
                    depth[idx] = z
                    subjectID[idx] = sid
                    let r = min(255, max(0, (r0 &+ dr &* i) >> 16))
                    let g = min(255, max(0, (g0 &+ dg &* i) >> 16))
                    let b = min(255, max(0, (b0 &+ db &* i) >> 16))
                    color[idx] = UInt32(truncatingIfNeeded: r | g << 8 | b << 16) | 0xff00_0000
                }
            }
        }
    }

    /// Darkens the samples where a shadow triangle lies on the surface already drawn.
    private func shade(_ tp: UnsafePointer<ScreenTriangle>, rows: Range<Int>, darken: UInt32, bit: UInt8) {
        let t = tp.pointee
        let yStart = max(t.minY, rows.lowerBound), yEnd = min(t.maxY, rows.upperBound - 1)
        if yStart > yEnd { return }
        for y in yStart...yEnd {
            guard let (lo, hi) = span(tp, row: y) else { continue }
            let sx = Double(lo) + 0.5 - t.x0, sy = Double(y) + 0.5 - t.y0
            let z0 = Float(t.z.x + t.z.y * sx + t.z.z * sy), dz = Float(t.z.y)
            let rowBase = y * sampleWidth
            for x in lo...hi {
                let idx = rowBase + x
                let z = z0 + dz * Float(x - lo)
                let d = depth[idx]
                if mask[idx] & bit == 0 && abs(z - d) <= d * 0.008 {
                    let c = color[idx]
                    let r = ((c & 0xff) * darken) >> 8, g = (((c >> 8) & 0xff) * darken) >> 8, b = (((c >> 16) & 0xff) * darken) >> 8
                    color[idx] = r | g << 8 | b << 16 | 0xff00_0000
                    mask[idx] |= bit
                }
            }
        }
    }

    // MARK: resolve

    /// The matte of rows: per pixel, the share of its samples that show the subject (0…255).
    private func resolveMatte(into out: UnsafeMutablePointer<UInt8>, rows: Range<Int>) {
        let s = supersample, n = s * s
        for y in rows {
            for x in 0..<width {
                var c = 0
                for sy in 0..<s {
                    let base = (y * s + sy) * sampleWidth + x * s
                    for sx in 0..<s { c += Int(subject[base + sx]) }
                }
                out[y * width + x] = UInt8((c * 255 + n / 2) / n)
            }
        }
    }

    /// Samples of `rows` (sample rows) that no surface covered.
    private func emptySamples(rows: Range<Int>) -> Int {
        var n = 0
        for i in (rows.lowerBound * sampleWidth)..<(rows.upperBound * sampleWidth) where depth[i] == 0 { n += 1 }
        return n
    }

    private func resolve(into out: UnsafeMutablePointer<UInt8>, rows: Range<Int>) {
        let s = supersample, n = UInt32(s * s)
        if s == 1 {
            // Samples are pixels, already RGBA in memory order (little-endian words).
            let start = rows.lowerBound * width
            UnsafeMutableRawPointer(out + start * 4).copyMemory(from: color + start, byteCount: rows.count * width * 4)
            return
        }
        let out32 = UnsafeMutableRawPointer(out).assumingMemoryBound(to: UInt32.self)
        if s == 2 {
            // Two channels per 32-bit word (16-bit lanes), four samples summed at once.
            for y in rows {
                let top = color + (2 * y) * sampleWidth, bottom = top + sampleWidth
                for x in 0..<width {
                    let a = top[2 * x], b = top[2 * x + 1], c = bottom[2 * x], d = bottom[2 * x + 1]
                    let rb = (a & 0x00ff_00ff) &+ (b & 0x00ff_00ff) &+ (c & 0x00ff_00ff) &+ (d & 0x00ff_00ff) &+ 0x0002_0002
                    let g = ((a >> 8) & 0xff) &+ ((b >> 8) & 0xff) &+ ((c >> 8) & 0xff) &+ ((d >> 8) & 0xff) &+ 2
                    out32[y * width + x] = ((rb >> 2) & 0x00ff_00ff) | ((g >> 2) << 8) | 0xff00_0000
                }
            }
            return
        }
        for y in rows {
            for x in 0..<width {
                var r: UInt32 = 0, g: UInt32 = 0, b: UInt32 = 0
                for sy in 0..<s {
                    let base = (y * s + sy) * sampleWidth + x * s
                    for sx in 0..<s {
                        let c = color[base + sx]
                        r += c & 0xff; g += (c >> 8) & 0xff; b += (c >> 16) & 0xff
                    }
                }
                out32[y * width + x] = (r + n / 2) / n | ((g + n / 2) / n) << 8 | ((b + n / 2) / n) << 16 | 0xff00_0000
            }
        }
    }
}

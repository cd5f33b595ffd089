import Dispatch
import Foundation
import KinoCore

/// What one frame shows, ready to rasterise: lit triangles of the set (drawn first), the
/// shadows they and the actors cast, the actors, rain streaks and the background.
struct RasterScene: Sendable {
    var camera: PinholeCamera
    var light: SceneLight
    var scenery: TriangleSoup
    var actors: TriangleSoup
    var shadows: [SIMD3<Float>]
    /// Rain streaks: start and end points in world space, two entries per streak.
    var rain: [SIMD3<Float>]
    var rainColor: SIMD3<Float>
    var backdrop: Backdrop?
}

/// A picture pinned on two planes in front of the camera it was shot from, for
/// image-to-video: the far plane shows it whole; a nearer plane carries its lower part, so a
/// moving camera sees parallax. From the anchor camera, the planes reproduce the picture.
struct Backdrop: Sendable {
    var picture: Frame
    var anchor: PinholeCamera
    var farDistance: Double = 14
    var nearDistance: Double = 6
    /// Picture rows below this fraction of its height are on the near plane.
    var nearFrom: Double = 0.62
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
    private let color: UnsafeMutablePointer<UInt32>
    private let depth: UnsafeMutablePointer<Float>
    private let mask: UnsafeMutablePointer<UInt8>
    static let near: Float = 0.05

    init(width: Int, height: Int, supersample: Int? = nil) {
        self.width = width; self.height = height
        let s = supersample ?? 2
        self.supersample = s
        sampleWidth = width * s; sampleHeight = height * s
        let n = sampleWidth * sampleHeight
        color = .allocate(capacity: n); depth = .allocate(capacity: n); mask = .allocate(capacity: n)
    }

    deinit { color.deallocate(); depth.deallocate(); mask.deallocate() }

    struct ScreenTriangle {
        var minX: Int, maxX: Int, minY: Int, maxY: Int
        var a: SIMD3<Int64>, b: SIMD3<Int64>, c: SIMD3<Int64>
        var x0: Double, y0: Double
        var z: SIMD3<Double>, r: SIMD3<Double>, g: SIMD3<Double>, bl: SIMD3<Double>
        /// The largest 1/z of the vertices.
        var nearest: Double
    }

    struct SendablePointer<T>: @unchecked Sendable { let p: UnsafeMutablePointer<T> }

    /// Draws the scene into a new frame, `bandRows` output rows per parallel band (by
    /// default an eighth of the frame); the result does not depend on it.
    func render(_ scene: RasterScene, bandRows: Int? = nil) -> Frame {
        let cam = scene.camera
        // Nearest first, so hidden samples fail the depth test before any colour is computed.
        let scenery = Rasteriser.frontToBack(setup(scene.scenery.positions, scene.scenery.colors, cull: scene.scenery.cull, camera: cam))
        let actors = Rasteriser.frontToBack(setup(scene.actors.positions, scene.actors.colors, cull: scene.actors.cull, camera: cam))
        let shadowColors = [SIMD3<Float>](repeating: .zero, count: scene.shadows.count)
        let shadows = setup(scene.shadows, shadowColors, cull: nil, camera: cam)
        let lines = rainLines(scene.rain, camera: cam)
        var pixels = [UInt8](repeating: 255, count: width * height * 4)
        let rowsPerBand = max(1, bandRows ?? max(4, height / 8))
        let bands = (height + rowsPerBand - 1) / rowsPerBand
        let darken = UInt32(max(0, min(256, (1 - scene.light.shadowStrength) * 256)))
        pixels.withUnsafeMutableBufferPointer { out in
            let target = SendablePointer(p: out.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: bands) { band in
                let y0 = band * rowsPerBand, y1 = min(height, y0 + rowsPerBand)
                let s0 = y0 * supersample, s1 = y1 * supersample
                background(scene, rows: y0..<y1)
                scenery.withUnsafeBufferPointer { ts in
                    for i in ts.indices where ts[i].maxY >= s0 && ts[i].minY < s1 { fill(ts.baseAddress! + i, rows: s0..<s1) }
                }
                shadows.withUnsafeBufferPointer { ts in
                    for i in ts.indices where ts[i].maxY >= s0 && ts[i].minY < s1 { shade(ts.baseAddress! + i, rows: s0..<s1, darken: darken) }
                }
                actors.withUnsafeBufferPointer { ts in
                    for i in ts.indices where ts[i].maxY >= s0 && ts[i].minY < s1 { fill(ts.baseAddress! + i, rows: s0..<s1) }
                }
                drawRain(lines, color: scene.rainColor, rows: s0..<s1)
                resolve(into: target.p, rows: y0..<y1)
            }
        }
        return Frame(width: width, height: height, pixels: pixels)
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

    private func setup(_ positions: [SIMD3<Float>], _ colors: [SIMD3<Float>], cull: [Bool]?, camera: PinholeCamera) -> [ScreenTriangle] {
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
                            if let st = screen(poly[0], poly[k], poly[k + 1], f: f, cx: cx, cy: cy, cull: cullThis) { out.append(st) }
                        }
                    } else if let st = screen(v0, v1, v2, f: f, cx: cx, cy: cy, cull: cullThis) {
                        out.append(st)
                    }
                }
            }
        }
        return out
    }

    private func screen(_ p0: (SIMD3<Float>, SIMD3<Float>), _ p1: (SIMD3<Float>, SIMD3<Float>), _ p2: (SIMD3<Float>, SIMD3<Float>),
                        f: Double, cx: Double, cy: Double, cull: Bool) -> ScreenTriangle? {
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
                              nearest: 1 / Double(min(vs.0.0.z, vs.1.0.z, vs.2.0.z)))
    }

    @inline(__always) private static func floorDiv(_ n: Int64, _ d: Int64) -> Int64 {
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
                lo = max(lo, -Rasteriser.floorDiv(K, 16 * A))
            } else if A < 0 {
                hi = min(hi, Rasteriser.floorDiv(K, -16 * A))
            } else if K < 0 {
                return nil
            }
        }
        return lo <= hi ? (Int(lo), Int(hi)) : nil
    }

    @inline(__always) private static func pack(_ r: Float, _ g: Float, _ b: Float) -> UInt32 {
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
            let depth = self.depth, color = self.color
            for x in lo...hi {
                let i = x - lo
                let z = z0 + dz * Float(i)
                let idx = rowBase + x
                if z > depth[idx] {
                    depth[idx] = z
                    let r = min(255, max(0, (r0 &+ dr &* i) >> 16))
                    let g = min(255, max(0, (g0 &+ dg &* i) >> 16))
                    let b = min(255, max(0, (b0 &+ db &* i) >> 16))
                    color[idx] = UInt32(truncatingIfNeeded: r | g << 8 | b << 16) | 0xff00_0000
                }
            }
        }
    }

    /// Darkens the samples where a shadow triangle lies on the surface already drawn.
    private func shade(_ tp: UnsafePointer<ScreenTriangle>, rows: Range<Int>, darken: UInt32) {
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
                if mask[idx] == 0 && abs(z - d) <= d * 0.008 {
                    let c = color[idx]
                    let r = ((c & 0xff) * darken) >> 8, g = (((c >> 8) & 0xff) * darken) >> 8, b = (((c >> 16) & 0xff) * darken) >> 8
                    color[idx] = r | g << 8 | b << 16 | 0xff00_0000
                    mask[idx] = 1
                }
            }
        }
    }

    // MARK: background

    private func background(_ scene: RasterScene, rows: Range<Int>) {
        let cam = scene.camera, light = scene.light
        let s = supersample
        if let backdrop = scene.backdrop {
            drawBackdrop(backdrop, camera: cam, rows: (rows.lowerBound * s)..<(rows.upperBound * s))
            return
        }
        let fwd = cam.forward, right = cam.right, up = cam.up
        let top = light.skyTop, horizon = light.skyHorizon
        let fog = light.fogColor, skyFog = light.skyFog
        func sky(_ px: Double, _ py: Double) -> UInt32 {
            let d = fwd + right * ((px - Double(width) / 2) / cam.focalPixels) + up * ((Double(height) / 2 - py) / cam.focalPixels)
            let e = Float(d.y / d.length)
            let t = max(0, min(1, e * 2.2))
            var c = e >= 0 ? horizon + (top - horizon) * t.squareRoot() : horizon * 0.85
            c = c + (fog - c) * skyFog
            return Rasteriser.pack(c.x, c.y, c.z)
        }
        let level = abs(right.y) < 1e-9
        let sampleRows = (rows.lowerBound * s)..<(rows.upperBound * s)
        (depth + sampleRows.lowerBound * sampleWidth).update(repeating: 0, count: sampleRows.count * sampleWidth)
        (mask + sampleRows.lowerBound * sampleWidth).update(repeating: 0, count: sampleRows.count * sampleWidth)
        for y in rows {
            if level {
                let c = sky(Double(width) / 2, Double(y) + 0.5)
                (color + y * s * sampleWidth).update(repeating: c, count: s * sampleWidth)
                continue
            }
            for x in 0..<width {
                let c = sky(Double(x) + 0.5, Double(y) + 0.5)
                for sy in 0..<s {
                    (color + (y * s + sy) * sampleWidth + x * s).update(repeating: c, count: s)
                }
            }
        }
    }

    private func drawBackdrop(_ b: Backdrop, camera cam: PinholeCamera, rows: Range<Int>) {
        let f = cam.focalPixels * Double(supersample)
        let cx = Double(sampleWidth) / 2, cy = Double(sampleHeight) / 2
        let a = b.anchor
        let pw = b.picture.width, ph = b.picture.height
        let nearRow = b.nearFrom * Double(a.height)
        b.picture.pixels.withUnsafeBufferPointer { pic in
            for y in rows {
                for x in 0..<sampleWidth {
                    let d = cam.forward + cam.right * ((Double(x) + 0.5 - cx) / f) + cam.up * ((cy - Double(y) - 0.5) / f)
                    var hitT = 0.0, u = 0.0, v = 0.0
                    let denom = d.dot(a.forward)
                    if denom > 1e-9 {
                        for layer in 0..<2 {
                            let dist = layer == 0 ? b.nearDistance : b.farDistance
                            let t = (a.position + a.forward * dist - cam.position).dot(a.forward) / denom
                            if t <= 0 { continue }
                            let local = cam.position + d * t - a.position
                            let pu = Double(a.width) / 2 + a.focalPixels * local.dot(a.right) / dist
                            let pv = Double(a.height) / 2 - a.focalPixels * local.dot(a.up) / dist
                            if layer == 0 && pv < nearRow { continue }
                            hitT = t; u = pu; v = pv
                            break
                        }
                    }
                    let idx = y * sampleWidth + x
                    if hitT == 0 { color[idx] = 0xff00_0000; depth[idx] = 0; mask[idx] = 0; continue }
                    let ix = max(0, min(pw - 1, Int(u / Double(a.width) * Double(pw))))
                    let iy = max(0, min(ph - 1, Int(v / Double(a.height) * Double(ph))))
                    let p = (iy * pw + ix) * 4
                    color[idx] = UInt32(pic[p]) | UInt32(pic[p + 1]) << 8 | UInt32(pic[p + 2]) << 16 | 0xff00_0000
                    depth[idx] = Float(1 / hitT)
                    mask[idx] = 0
                }
            }
        }
    }

    // MARK: rain

    struct Line { var x0: Double, y0: Double, z0: Double, x1: Double, y1: Double, z1: Double }

    private func rainLines(_ points: [SIMD3<Float>], camera: PinholeCamera) -> [Line] {
        var out: [Line] = []
        let s = Double(supersample)
        var i = 0
        while i + 1 < points.count {
            let a = camera.toCamera(Vec3(points[i])), b = camera.toCamera(Vec3(points[i + 1]))
            i += 2
            guard a.z > 0.3, b.z > 0.3 else { continue }
            let f = camera.focalPixels * s
            let cx = Double(sampleWidth) / 2, cy = Double(sampleHeight) / 2
            out.append(Line(x0: cx + f * a.x / a.z, y0: cy - f * a.y / a.z, z0: 1 / a.z,
                            x1: cx + f * b.x / b.z, y1: cy - f * b.y / b.z, z1: 1 / b.z))
        }
        return out
    }

    private func drawRain(_ lines: [Line], color rain: SIMD3<Float>, rows: Range<Int>) {
        guard !lines.isEmpty else { return }
        let rc = SIMD3<UInt32>(UInt32(rain.x * 255), UInt32(rain.y * 255), UInt32(rain.z * 255))
        let alpha: UInt32 = 90
        let thick = supersample
        for l in lines {
            let dx = l.x1 - l.x0, dy = l.y1 - l.y0
            let steps = Int(max(abs(dx), abs(dy)).rounded(.up))
            guard steps > 0, steps < 4 * sampleHeight else { continue }
            let minY = Int(min(l.y0, l.y1)), maxY = Int(max(l.y0, l.y1))
            if maxY < rows.lowerBound || minY >= rows.upperBound { continue }
            for k in 0...steps {
                let t = Double(k) / Double(steps)
                let y = Int(l.y0 + dy * t)
                guard rows.contains(y) else { continue }
                let xc = Int(l.x0 + dx * t)
                let z = Float(l.z0 + (l.z1 - l.z0) * t)
                for x in xc..<(xc + thick) where x >= 0 && x < sampleWidth {
                    let idx = y * sampleWidth + x
                    if z > depth[idx] {
                        let c = color[idx]
                        let r = ((c & 0xff) * (255 - alpha) + rc.x * alpha) / 255
                        let g = (((c >> 8) & 0xff) * (255 - alpha) + rc.y * alpha) / 255
                        let b = (((c >> 16) & 0xff) * (255 - alpha) + rc.z * alpha) / 255
                        color[idx] = r | g << 8 | b << 16 | 0xff00_0000
                    }
                }
            }
        }
    }

    // MARK: resolve

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

import Foundation
import KinoCore

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

/// The first pass of every band: sky, or the image-to-video backdrop.
extension Rasteriser {
    func background(_ scene: RasterScene, rows: Range<Int>) {
        let cam = scene.camera, light = scene.light
        let s = supersample
        (subject + rows.lowerBound * s * sampleWidth).update(repeating: 0, count: rows.count * s * sampleWidth)
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

    func drawBackdrop(_ b: Backdrop, camera cam: PinholeCamera, rows: Range<Int>) {
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
}

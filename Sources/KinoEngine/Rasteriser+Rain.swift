import Foundation
import KinoCore

/// Rain streaks: short depth-tested lines blended over the frame.
extension Rasteriser {
    struct Line { var x0: Double, y0: Double, z0: Double, x1: Double, y1: Double, z1: Double }

    func rainLines(_ points: [SIMD3<Float>], camera: PinholeCamera) -> [Line] {
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

    func drawRain(_ lines: [Line], color rain: SIMD3<Float>, rows: Range<Int>) {
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
}

import KinoCore

/// A rectangle of pixels in a frame: columns x..<x+width, rows y..<y+height (top row 0).
public struct PixelRect: Hashable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
}

/// A character's look as measured from the pixels it covers in one frame: colour statistics
/// of its head, torso and legs, in CIE L*a*b* so distances follow what people see.
public struct IdentitySignature: Hashable, Sendable {
    /// One horizontal band of the figure.
    public struct Region: Hashable, Sendable {
        /// Pixels measured (inside the rectangle, the band and the mask).
        public var pixelCount: Int
        /// Mean colour in L*a*b*.
        public var meanLab: SIMD3<Double>
        /// 4x4x4 L*a*b* histogram (L 0…100, a and b −128…128), each pixel spread over the
        /// eight nearest bin centres (trilinear) so a small colour change moves it smoothly;
        /// sums to 1 (all zeros when the region is empty).
        public var histogram: [Double]
    }
    public var head: Region
    public var torso: Region
    public var legs: Region
    public var regions: [Region] { [head, torso, legs] }

    /// Band limits as fractions of the figure's height: head above 0.2, torso to 0.55, legs below.
    public static let headEnd = 0.2, torsoEnd = 0.55
}

extension Metrics {
    /// Measures a character from the pixels inside `region` (its screen bounding box) for
    /// which `mask(x, y)` is true (all of them without a mask). Pixel (x, y) falls in the head
    /// band when (y − region.y + 0.5) / region.height < 0.2, the torso band below 0.55, else
    /// the legs band. Parts of the rectangle outside the frame are skipped.
    public static func identitySignature(frame: Frame, region: PixelRect, mask: ((Int, Int) -> Bool)? = nil) -> IdentitySignature {
        var count = [0, 0, 0]
        var sums = [SIMD3<Double>](repeating: .zero, count: 3)
        var histograms = [[Double]](repeating: [Double](repeating: 0, count: 64), count: 3)
        var labCache: [UInt32: SIMD3<Double>] = [:]
        let x0 = max(0, region.x), x1 = min(frame.width, region.x + region.width)
        let y0 = max(0, region.y), y1 = min(frame.height, region.y + region.height)
        if x0 < x1 && y0 < y1 && region.height > 0 {
            for y in y0..<y1 {
                let t = (Double(y - region.y) + 0.5) / Double(region.height)
                let band = t < IdentitySignature.headEnd ? 0 : t < IdentitySignature.torsoEnd ? 1 : 2
                for x in x0..<x1 where mask?(x, y) ?? true {
                    let i = (y * frame.width + x) * 4
                    let key = UInt32(frame.pixels[i]) << 16 | UInt32(frame.pixels[i + 1]) << 8 | UInt32(frame.pixels[i + 2])
                    let lab: SIMD3<Double>
                    if let cached = labCache[key] { lab = cached } else {
                        lab = RGB(frame.pixels[i], frame.pixels[i + 1], frame.pixels[i + 2]).lab
                        labCache[key] = lab
                    }
                    count[band] += 1
                    sums[band] += lab
                    splat(lab, into: &histograms[band])
                }
            }
        }
        func regionOf(_ b: Int) -> IdentitySignature.Region {
            let n = Double(count[b])
            return IdentitySignature.Region(pixelCount: count[b], meanLab: n > 0 ? sums[b] / n : .zero,
                                            histogram: n > 0 ? histograms[b].map { $0 / n } : histograms[b])
        }
        return IdentitySignature(head: regionOf(0), torso: regionOf(1), legs: regionOf(2))
    }

    /// How far apart two measurements of a character are. For each band measured in both:
    /// ΔE76 between the mean colours plus 25 x (1 − histogram intersection); the result is
    /// the mean over those bands. 0 for identical pixels; the same character under the same
    /// lighting stays below `identityDriftThreshold` (10); a different shirt colour is
    /// typically well above 20. Infinity when no band was measured in both.
    public static func identityDistance(_ a: IdentitySignature, _ b: IdentitySignature) -> Double {
        var total = 0.0, bands = 0
        for (p, q) in zip(a.regions, b.regions) where p.pixelCount > 0 && q.pixelCount > 0 {
            let intersection = zip(p.histogram, q.histogram).reduce(0) { $0 + min($1.0, $1.1) }
            total += RGB.deltaE(p.meanLab, q.meanLab) + 25 * (1 - min(1, intersection))
            bands += 1
        }
        return bands == 0 ? .infinity : total / Double(bands)
    }

    /// The largest identity distance of any measurement from the first one (the reference,
    /// e.g. the character in its first shot). 0 for fewer than two measurements.
    public static func identityDrift(_ signatures: [IdentitySignature]) -> Double {
        guard let first = signatures.first else { return 0 }
        return signatures.dropFirst().map { identityDistance(first, $0) }.max() ?? 0
    }

    /// Adds one pixel to a 4x4x4 histogram, spread trilinearly over the nearest bin centres
    /// (L centres 12.5, 37.5, 62.5, 87.5; a and b centres −96, −32, 32, 96).
    static func splat(_ lab: SIMD3<Double>, into histogram: inout [Double]) {
        func axis(_ v: Double, _ first: Double, _ step: Double) -> (Int, Int, Double) {
            let u = min(3, max(0, (v - first) / step))
            let i0 = min(2, Int(u))
            return (i0, i0 + 1, u - Double(i0))
        }
        let (l0, l1, lf) = axis(lab.x, 12.5, 25)
        let (a0, a1, af) = axis(lab.y, -96, 64)
        let (b0, b1, bf) = axis(lab.z, -96, 64)
        for (l, wl) in [(l0, 1 - lf), (l1, lf)] where wl > 0 {
            for (a, wa) in [(a0, 1 - af), (a1, af)] where wa > 0 {
                for (b, wb) in [(b0, 1 - bf), (b1, bf)] where wb > 0 {
                    histogram[(l * 4 + a) * 4 + b] += wl * wa * wb
                }
            }
        }
    }
}

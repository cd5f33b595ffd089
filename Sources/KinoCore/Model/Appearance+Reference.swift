/// Deriving a character's colours from a reference picture (decoded by the media layer and
/// passed in as a Frame): dominant colours by deterministic k-means, and a region rule for a
/// standing figure — hair at the top, face below it, top clothes in the middle, bottom
/// clothes below.
extension Appearance {
    /// The description's appearance, with every colour the description does not name taken
    /// from the reference picture where it shows one. Words win over the picture, the picture
    /// over the seeded fill. Without a reference this is `derive(fromDescription:seed:)`.
    public static func derive(fromDescription description: String, seed: UInt64, reference: Frame?) -> Appearance {
        let said = DescribedLook(description)
        var look = said.appearance(seed: seed)
        guard let reference else { return look }
        let regions = ReferenceRegions(reference)
        if said.hair == nil, let c = regions.hair { look.hair = c }
        if said.skin == nil, let c = regions.skin { look.skin = c }
        if said.top == nil, let c = regions.top { look.top = c }
        if said.bottom == nil, let c = regions.bottom { look.bottom = c }
        return look
    }

    /// `base` recoloured from a palette (most dominant first, as `dominantColors` returns):
    /// top, bottom and hair in turn each take the unused palette colour nearest to their own
    /// (ΔE76); skin takes the nearest palette colour only when it is within ΔE 15, so a
    /// picture without a face does not repaint the skin. Height, build, style and face stay.
    public static func blend(_ base: Appearance, referencePalette: [RGB]) -> Appearance {
        var result = base
        var unused = referencePalette
        func take(nearest c: RGB) -> RGB? {
            guard let i = unused.indices.min(by: { unused[$0].deltaE(c) < unused[$1].deltaE(c) }) else { return nil }
            return unused.remove(at: i)
        }
        if let c = take(nearest: base.top) { result.top = c }
        if let c = take(nearest: base.bottom) { result.bottom = c }
        if let c = take(nearest: base.hair) { result.hair = c }
        if let c = referencePalette.min(by: { $0.deltaE(base.skin) < $1.deltaE(base.skin) }), c.deltaE(base.skin) <= 15 {
            result.skin = c
        }
        return result
    }

    /// The `count` most common colours of a picture, most common first: k-means in L*a*b*
    /// (k = max(count, 4)) started from a median cut, on the picture box-filtered to at most
    /// 64x64, ignoring pixels with alpha below 128; clusters closer than ΔE 10 are merged,
    /// so shades of one colour count as one. Deterministic; fewer colours when the picture
    /// has fewer.
    public static func dominantColors(of frame: Frame, count: Int) -> [RGB] {
        let scale = max(1, max(frame.width, frame.height) / 64)
        let small = scale == 1 ? frame : frame.resized(width: max(1, frame.width / scale), height: max(1, frame.height / scale))
        var pixels: [RGB] = []
        pixels.reserveCapacity(small.width * small.height)
        for i in stride(from: 0, to: small.pixels.count, by: 4) where small.pixels[i + 3] >= 128 {
            pixels.append(RGB(small.pixels[i], small.pixels[i + 1], small.pixels[i + 2]))
        }
        return dominantColors(of: pixels, count: count)
    }

    /// k-means over a list of colours (see `dominantColors(of:count:)`).
    static func dominantColors(of pixels: [RGB], count: Int) -> [RGB] {
        guard count > 0, !pixels.isEmpty else { return [] }
        let clusterCount = max(count, 4)
        // Group identical colours: flat regions are common and this keeps k-means cheap.
        var weights: [RGB: Int] = [:]
        for p in pixels { weights[p, default: 0] += 1 }
        let colours = weights.keys.sorted { ($0.r, $0.g, $0.b) < ($1.r, $1.g, $1.b) }
        let labs = colours.map(\.lab)
        let w = colours.map { Double(weights[$0]!) }

        // Median cut for the starting centres: split the box with the widest L*a*b* range at
        // its weighted median until there are `count` boxes (or nothing left to split).
        var boxes: [[Int]] = [Array(colours.indices)]
        while boxes.count < clusterCount {
            var best: (box: Int, axis: Int, range: Double)?
            for (bi, box) in boxes.enumerated() where box.count > 1 {
                for axis in 0..<3 {
                    let values = box.map { labs[$0][axis] }
                    let range = values.max()! - values.min()!
                    if range > (best?.range ?? 0) { best = (bi, axis, range) }
                }
            }
            guard let split = best else { break }
            let sorted = boxes[split.box].sorted { (labs[$0][split.axis], $0) < (labs[$1][split.axis], $1) }
            let total = sorted.reduce(0) { $0 + w[$1] }
            var acc = 0.0, cut = 1
            for (k, i) in sorted.enumerated() {
                acc += w[i]
                if acc >= total / 2 { cut = min(max(1, k + 1), sorted.count - 1); break }
            }
            boxes[split.box] = Array(sorted[..<cut])
            boxes.append(Array(sorted[cut...]))
        }
        func mean(_ members: [Int]) -> SIMD3<Double> {
            var s = SIMD3<Double>(repeating: 0), n = 0.0
            for i in members { s += labs[i] * w[i]; n += w[i] }
            return s / n
        }
        var centres = boxes.map(mean)
        var assignment = [Int](repeating: 0, count: colours.count)
        for _ in 0..<12 {
            var changed = false
            for i in colours.indices {
                var bestK = 0, bestD = Double.infinity
                for (k, c) in centres.enumerated() {
                    let d = labs[i] - c
                    let dd = (d * d).sum()
                    if dd < bestD { bestD = dd; bestK = k }
                }
                if assignment[i] != bestK { assignment[i] = bestK; changed = true }
            }
            var members = [[Int]](repeating: [], count: centres.count)
            for i in colours.indices { members[assignment[i]].append(i) }
            for k in centres.indices where !members[k].isEmpty { centres[k] = mean(members[k]) }
            if !changed { break }
        }
        // Report each cluster as the weighted mean of its members in sRGB.
        var sums = [SIMD3<Double>](repeating: .zero, count: centres.count)
        var totals = [Double](repeating: 0, count: centres.count)
        for i in colours.indices {
            let c = colours[i]
            sums[assignment[i]] += SIMD3(Double(c.r), Double(c.g), Double(c.b)) * w[i]
            totals[assignment[i]] += w[i]
        }
        // Merge clusters of (nearly) one colour, heaviest first.
        let order = centres.indices.filter { totals[$0] > 0 }.sorted { (totals[$0], -$0) > (totals[$1], -$1) }
        var kept: [(sum: SIMD3<Double>, weight: Double, lab: SIMD3<Double>)] = []
        for c in order {
            if let i = kept.firstIndex(where: { RGB.deltaE($0.lab, centres[c]) < 10 }) {
                kept[i].sum += sums[c]; kept[i].weight += totals[c]
            } else {
                kept.append((sums[c], totals[c], centres[c]))
            }
        }
        let clusters = kept.map { cluster -> (RGB, Double) in
            let m = cluster.sum / cluster.weight
            return (RGB(UInt8(m.x.rounded()), UInt8(m.y.rounded()), UInt8(m.z.rounded())), cluster.weight)
        }
        return clusters.sorted { ($0.1, $0.0.lab.x) > ($1.1, $1.0.lab.x) }.prefix(count).map(\.0)
    }
}

/// The colours of a reference picture of a standing figure, by region. The background is
/// the dominant colour of the left and right tenths; a region's colour is its most common
/// colour that is not the background (ΔE > 15), looked for in the middle 40 % of the width.
struct ReferenceRegions {
    var background: RGB?
    var hair: RGB?
    var skin: RGB?
    var top: RGB?
    var bottom: RGB?

    /// Vertical extent of each region, as fractions of the height.
    static let hairBand = (0.0, 0.14), faceBand = (0.16, 0.28), topBand = (0.32, 0.58), bottomBand = (0.64, 0.94)

    init(_ frame: Frame) {
        let w = frame.width, h = frame.height
        func pixels(x0: Int, x1: Int, y0: Int, y1: Int) -> [RGB] {
            var out: [RGB] = []
            for y in max(0, y0)..<min(h, max(y0 + 1, y1)) {
                for x in max(0, x0)..<min(w, max(x0 + 1, x1)) {
                    let i = (y * w + x) * 4
                    if frame.pixels[i + 3] >= 128 { out.append(RGB(frame.pixels[i], frame.pixels[i + 1], frame.pixels[i + 2])) }
                }
            }
            return out
        }
        let edge = max(1, w / 10)
        let border = pixels(x0: 0, x1: edge, y0: 0, y1: h) + pixels(x0: w - edge, x1: w, y0: 0, y1: h)
        let background = Appearance.dominantColors(of: border, count: 1).first
        self.background = background
        func colour(_ band: (Double, Double)) -> RGB? {
            let y0 = Int(Double(h) * band.0), y1 = Int((Double(h) * band.1).rounded(.up))
            let region = pixels(x0: w * 3 / 10, x1: w * 7 / 10, y0: y0, y1: y1)
            let candidates = Appearance.dominantColors(of: region, count: 3)
            return candidates.first { c in background.map { c.deltaE($0) > 15 } ?? true }
        }
        hair = colour(ReferenceRegions.hairBand)
        top = colour(ReferenceRegions.topBand)
        bottom = colour(ReferenceRegions.bottomBand)
        if let face = colour(ReferenceRegions.faceBand), ReferenceRegions.looksLikeSkin(face) { skin = face }
    }

    /// Skin tones are warm: red ≥ green ≥ blue, with red clearly above blue.
    static func looksLikeSkin(_ c: RGB) -> Bool {
        c.r >= c.g && c.g >= c.b && c.r > 60 && Int(c.r) - Int(c.b) > 15
    }
}

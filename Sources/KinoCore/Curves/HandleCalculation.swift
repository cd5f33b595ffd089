import Foundation

extension AnimationCurve {
    /// An auto handle reaches 1/2.5614 (≈ 0.39) of the gap to its neighbour, as in Blender.
    static let autoHandleReach = 1 / 2.5614

    /// Recomputes the handles of every auto, auto-clamped and vector key from the key
    /// positions; aligned and free handles are the user's and stay as they are.
    /// - auto: the tangent is the mean of the slopes to both neighbours (Catmull-Rom-like);
    ///   the first and last keys are flat, since the curve holds its end values outside.
    /// - auto-clamped: as auto, but flat at a local extremum (or next to an equal key), and the
    ///   tangent is shortened so no handle passes a neighbour's value: the curve never
    ///   overshoots between keys.
    /// - vector: each handle points a third of the way to its neighbouring key.
    public mutating func recalculateHandles() {
        guard keys.count >= 2 else { return }
        for i in keys.indices {
            switch keys[i].handleType {
            case .auto, .autoClamped, .vector: computeHandles(at: i)
            case .aligned, .free: break
            }
        }
    }

    private mutating func computeHandles(at i: Int) {
        let k = keys[i]
        let n = keys.count
        // A missing neighbour is the other one mirrored through this key.
        let prev = i > 0 ? (keys[i - 1].frame, keys[i - 1].value) : (2 * k.frame - keys[i + 1].frame, 2 * k.value - keys[i + 1].value)
        let next = i < n - 1 ? (keys[i + 1].frame, keys[i + 1].value) : (2 * k.frame - keys[i - 1].frame, 2 * k.value - keys[i - 1].value)
        let dxa = k.frame - prev.0, dya = k.value - prev.1
        let dxb = next.0 - k.frame, dyb = next.1 - k.value

        if k.handleType == .vector {
            keys[i].leftHandle = Handle(dt: -dxa / 3, dv: -dya / 3)
            keys[i].rightHandle = Handle(dt: dxb / 3, dv: dyb / 3)
            return
        }

        var reachA = dxa > 0 ? dxa : 1, reachB = dxb > 0 ? dxb : 1
        var slope = (dya / reachA + dyb / reachB) / 2
        // A very uneven spacing must not give one side a huge handle.
        reachA = min(reachA, 5 * reachB)
        reachB = min(reachB, 5 * reachA)
        let hxa = reachA * AnimationCurve.autoHandleReach, hxb = reachB * AnimationCurve.autoHandleReach

        if i == 0 || i == n - 1 {
            slope = 0
        } else if k.handleType == .autoClamped {
            let isExtremum = (dya >= 0 && dyb <= 0) || (dya <= 0 && dyb >= 0)
            if isExtremum {
                slope = 0
            } else {
                // Neither handle may pass its neighbour's value; the other handle follows,
                // so the two stay collinear (Blender re-aligns after clamping).
                let limit = min(abs(dya) / hxa, abs(dyb) / hxb)
                if abs(slope) > limit { slope = slope < 0 ? -limit : limit }
            }
        }
        keys[i].leftHandle = Handle(dt: -hxa, dv: -slope * hxa)
        keys[i].rightHandle = Handle(dt: hxb, dv: slope * hxb)
    }
}

extension Handle {
    /// The handle's length in (frame, value) space.
    public var length: Double { (dt * dt + dv * dv).squareRoot() }

    /// This handle turned to point the opposite way of `other`, keeping its own length
    /// (what an aligned key does to its second handle). A zero `other` changes nothing.
    public func aligned(opposite other: Handle) -> Handle {
        let l = other.length
        guard l > 0 else { return self }
        let scale = -length / l
        return Handle(dt: other.dt * scale, dv: other.dv * scale)
    }
}

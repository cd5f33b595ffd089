import Foundation
import KinoCore

/// The cinematographer's rules: how much of the frame a subject fills at each shot size,
/// where the camera looks from at each angle, and the defaults per subject (a product gets
/// a product shot, a walking person a medium-wide follow with headroom and lead room).
/// Docs/Engine.md (Framing) lists the same table.
enum Framing {
    /// The part of a subject one shot size holds: from `bottom` to `top` (metres above the
    /// subject's base), spanning the frame's height.
    struct Region: Hashable {
        var bottom: Double
        var top: Double
        var span: Double { top - bottom }
        var centre: Double { (bottom + top) / 2 }
    }

    /// The shot size the scene asks for, or the subject's default.
    static func size(_ scene: SceneSpec, kind: World.Focus.Kind) -> SceneSpec.ShotSize {
        if let s = scene.shotSize { return s }
        switch kind {
        case .prop, .car: return .medium
        case .person: return .mediumWide
        case .none: return .wide
        }
    }

    /// Person heights are multiples of the person's height `h`; props and cars of their
    /// largest dimension. A prop at `.medium` (the product shot) fills 28 % of the frame height.
    /// The height a prop of `height` and `footprint` (its largest horizontal size) shows from
    /// `elevation` radians above: its side foreshortened plus its top, or, for a wide flat
    /// product, its footprint made comparable to a height for a 16:9 frame.
    static func extent(height: Double, footprint: Double, elevation: Double) -> Double {
        let e = min(abs(elevation), Double.pi / 2)
        return max(height * cos(e) + footprint * sin(e), footprint / 1.6)
    }

    static func region(_ size: SceneSpec.ShotSize, kind: World.Focus.Kind, height h: Double, extent: Double) -> Region {
        switch kind {
        case .person:
            switch size {
            case .extremeCloseUp: return Region(bottom: 0.86 * h, top: 1.0 * h)
            case .closeUp: return Region(bottom: 0.70 * h, top: 1.05 * h)
            case .medium: return Region(bottom: 0.42 * h, top: 1.08 * h)
            case .mediumWide: return Region(bottom: 0.22 * h, top: 1.1 * h)
            case .wide: return Region(bottom: -0.14 * h, top: 1.16 * h)
            case .establishing: return Region(bottom: -0.9 * h, top: 2.3 * h)
            }
        case .prop, .car, .none:
            let fill = fillFraction(size)
            let span = extent / fill
            let centre = h / 2
            return Region(bottom: centre - span / 2, top: centre + span / 2)
        }
    }

    /// The fraction of the frame height a prop (or car, or place) fills at each size.
    static func fillFraction(_ size: SceneSpec.ShotSize) -> Double {
        switch size {
        case .extremeCloseUp: return 1.6
        case .closeUp: return 0.7
        case .medium: return 0.28
        case .mediumWide: return 0.18
        case .wide: return 0.1
        case .establishing: return 0.05
        }
    }

    /// The lens for a size: longer for tight shots (flattering, less distortion), wide for
    /// wide ones.
    static func focalLength(_ size: SceneSpec.ShotSize, kind: World.Focus.Kind) -> Double {
        switch size {
        case .extremeCloseUp: return kind == .prop ? 60 : 85
        case .closeUp: return kind == .prop ? 50 : 70
        case .medium: return 50
        case .mediumWide: return 35
        case .wide: return 28
        case .establishing: return 24
        }
    }

    /// tan of half the vertical field of view of a 35 mm-equivalent lens on a frame of `aspect`.
    static func halfHeightTan(focalLength: Double, aspect: Double) -> Double {
        (18 / max(1, aspect)) / max(1, focalLength)
    }

    /// How far from the region's centre a camera with `focalLength` must stand so the region
    /// spans the frame's height.
    static func distance(for region: Region, focalLength: Double, aspect: Double) -> Double {
        region.span / (2 * halfHeightTan(focalLength: focalLength, aspect: aspect))
    }

    /// The lens that makes `region` span the frame from `distance` away (the inverse of
    /// `distance`), kept within 12–300 mm.
    static func focalLength(for region: Region, distance: Double, aspect: Double) -> Double {
        let f = 18 / max(1, aspect) * 2 * distance / max(1e-6, region.span)
        return min(300, max(12, f))
    }

    /// Camera elevation in radians above the aim point for an angle, and the roll in degrees.
    static func elevation(_ angle: SceneSpec.CameraAngle?, kind: World.Focus.Kind) -> (elevation: Double, roll: Double) {
        let deg = Double.pi / 180
        switch angle {
        case nil: return (kind == .prop ? 18 * deg : (kind == .person ? 2 * deg : 10 * deg), 0)
        case .eyeLevel?: return (0, 0)
        case .low?: return (-16 * deg, 0)
        case .high?: return (32 * deg, 0)
        case .birdsEye?: return (84 * deg, 0)
        case .overTheShoulder?: return (8 * deg, 0)
        case .dutch?: return (kind == .prop ? 14 * deg : 2 * deg, 14)
        }
    }
}

extension World {
    /// Where a camera preset should centre on this shot's subject at frame 0, at the
    /// distance, height and lens of the shot's size and angle (the standard framing when
    /// the shot has no subject), moved so that its start stays inside the set.
    func presetFraming() -> PresetFraming {
        let focus = focusPoint()
        guard focus.kind != .none else { return .standard() }
        let size = Framing.size(setup.scene, kind: focus.kind)
        let e = Framing.elevation(setup.scene.angle, kind: focus.kind).elevation
        let region = Framing.region(size, kind: focus.kind, height: focus.height, extent: focus.extent(elevation: e))
        var focal = Framing.focalLength(size, kind: focus.kind)
        var d = Framing.distance(for: region, focalLength: focal, aspect: setup.aspect)
        let subject = focus.ground + Vec3(0, region.centre, 0)
        var start = subject + Vec3(0, d * sin(e), d * cos(e))
        if focus.kind == .prop { start.y = max(start.y, focus.ground.y + 0.015) }
        let inside = setup.keepInside(start)
        if inside != start {
            let shorter = (inside - subject).length
            focal = min(300, max(12, focal * shorter / d))
            d = shorter
        }
        return PresetFraming(subject: subject, distance: (inside.z - subject.z), height: inside.y - subject.y, focalLength: focal)
    }
}

extension ProceduralEngine {
    public func presetFraming(_ spec: ShotSpec) -> PresetFraming? {
        World(setup: WorldSetup(spec: spec, scene: interpreter(spec))).presetFraming()
    }
}

import Foundation
import KinoCore

/// Sizes of the props, in metres (width, height, depth), at rest.
enum PropShape {
    static func size(of kind: SceneSpec.SubjectKind) -> Vec3 {
        switch kind {
        case .smartphone: return Vec3(0.075, 0.155, 0.008)
        case .productBox: return Vec3(0.2, 0.15, 0.2)
        case .bottle: return Vec3(0.07, 0.27, 0.07)
        case .watch: return Vec3(0.05, 0.1, 0.04)
        case .sneakers: return Vec3(0.3, 0.11, 0.24)
        case .laptop: return Vec3(0.32, 0.22, 0.24)
        case .mug: return Vec3(0.12, 0.1, 0.09)
        default: return Vec3(0.2, 0.2, 0.2)
        }
    }
}

/// How far a product's action has gone: smooth 0…1 over `seconds` from `delay`.
private func progress(_ t: Double, delay: Double, seconds: Double) -> Double {
    let x = min(1, max(0, (t - delay) / seconds))
    return x * x * (3 - 2 * x)
}

extension ObjectState {
    var sceneAction: SceneSpec.Action { SceneSpec.Action(rawValue: action) ?? .standing }

    /// Where the product is drawn relative to its resting place: sliding in from the left,
    /// or lifted off its surface.
    var displacement: Vec3 {
        switch sceneAction {
        case .slidingIn: return Vec3(-0.8 * (1 - progress(actionTime, delay: 0, seconds: 1.6)), 0, 0)
        case .lifting: return Vec3(0, 0.09 * progress(actionTime, delay: 0.2, seconds: 1.8), 0)
        default: return .zero
        }
    }

    /// How open a box's lid or a laptop's screen is, 0 closed … 1 open. Opening takes 1.5 s
    /// from 0.4 s into the action; a laptop that is not opening stands open.
    var opening: Double {
        if sceneAction == .opening { return progress(actionTime, delay: 0.4, seconds: 1.5) }
        return SceneSpec.SubjectKind(rawValue: kind) == .laptop ? 1 : 0
    }
}

/// The products, each from its parts and materials: a rounded phone with a lit screen and
/// a camera bump, a box whose lid lifts off to show a phone rising out of it, a bottle, a
/// watch, a pair of sneakers, a laptop and a mug.
extension World {
    func drawProp(_ o: ObjectState, into b: inout MeshBuilder) {
        let kind = SceneSpec.SubjectKind(rawValue: o.kind) ?? .productBox
        let up = Vec3(0, 1, 0)
        let x = Vec3(cos(o.yaw), 0, -sin(o.yaw)), z = Vec3(sin(o.yaw), 0, cos(o.yaw))
        let color = o.color.float
        b.shadowPlane = Float(o.position.y)
        if setup.scene.environment != .studio {
            // A plinth to stand on outside the studio.
            let subject = b.subject
            b.subject = false
            b.shadowPlane = 0
            let top = o.position.y
            b.box(center: Vec3(o.position.x, top / 2, o.position.z), x: Vec3(0.16, 0, 0), y: up * (top / 2), z: Vec3(0, 0, 0.16),
                  color: SIMD3(0.82, 0.8, 0.77))
            b.shadowPlane = Float(o.position.y)
            b.subject = subject
        }
        let base = o.position + o.displacement
        b.gloss = World.gloss(kind)
        defer { b.gloss = 0 }
        switch kind {
        case .smartphone:
            drawPhone(&b, base: base, x: x, up: up, z: z, body: color)
        case .productBox:
            drawBox(&b, base: base, x: x, up: up, z: z, color: color, opening: o.opening)
        case .bottle:
            let size = PropShape.size(of: kind), r = size.x / 2
            b.segment(base, base + up * (size.y * 0.62), radius: r, color: color, sides: 16)
            b.segment(base + up * (size.y * 0.62), base + up * (size.y * 0.82), radius: r, radiusB: r * 0.35, color: color, sides: 16)
            b.segment(base + up * (size.y * 0.82), base + up * (size.y * 0.95), radius: r * 0.35, color: color, sides: 10)
            b.segment(base + up * (size.y * 0.95), base + up * size.y, radius: r * 0.4, color: SIMD3(0.85, 0.85, 0.82), sides: 10)
            b.box(center: base + up * (size.y * 0.32) + z * (r * 0.92), x: x * (r * 0.6), y: up * (size.y * 0.16), z: z * (r * 0.1),
                  color: SIMD3(0.95, 0.93, 0.85))
        case .watch:
            drawWatch(&b, base: base, x: x, up: up, z: z, metal: color)
        case .sneakers:
            for side in [-1.0, 1.0] { drawSneaker(&b, base: base + z * (side * 0.06) + x * (side * 0.015), x: x, up: up, z: z, color: color) }
        case .laptop:
            drawLaptop(&b, base: base, x: x, up: up, z: z, color: color, opening: o.opening)
        case .mug:
            drawMug(&b, base: base, x: x, up: up, z: z, color: color)
        default:
            let size = PropShape.size(of: kind)
            b.box(center: base + up * (size.y / 2), x: x * (size.x / 2), y: up * (size.y / 2), z: z * (size.z / 2), color: color)
        }
        b.shadowPlane = 0
    }

    /// How polished each product's main material is (its specular highlight).
    static func gloss(_ kind: SceneSpec.SubjectKind) -> Float {
        switch kind {
        case .smartphone: return 0.8
        case .productBox: return 0.15
        case .bottle: return 0.9
        case .watch: return 0.75
        case .sneakers: return 0.2
        case .laptop: return 0.55
        case .mug: return 0.6
        default: return 0.3
        }
    }

    /// A phone standing upright facing +z: rounded aluminium-and-glass body, a lit home
    /// screen (wallpaper, status bar, icon grid, dock) and a camera bump with two lenses.
    func drawPhone(_ b: inout MeshBuilder, base: Vec3, x: Vec3, up: Vec3, z: Vec3, body: SIMD3<Float>) {
        let (w, h, t) = (0.075, 0.155, 0.008)
        let c = base + up * (h / 2 + 0.002)
        b.roundedSlab(center: c, x: x, y: up, z: z, halfWidth: w / 2, halfHeight: h / 2, radius: 0.011, halfThickness: t / 2, color: body)
        let front = c + z * (t / 2 + 0.0004)
        b.castsShadow = false
        b.emissive = true
        // Wallpaper in two bands, darker at the top.
        b.roundedPanel(center: front, x: x, y: up, normal: z, halfWidth: w / 2 - 0.003, halfHeight: h / 2 - 0.003, radius: 0.009,
                       top: SIMD3(0.12, 0.2, 0.5), bottom: SIMD3(0.55, 0.3, 0.75))
        let glyph = front + z * 0.0003
        // Status bar, icon grid, dock.
        b.quad(glyph - x * 0.03 + up * 0.071, glyph + x * 0.03 + up * 0.071, glyph + x * 0.03 + up * 0.068, glyph - x * 0.03 + up * 0.068,
               normal: z, color: SIMD3<Float>(0.9, 0.92, 0.95))
        let icons: [SIMD3<Float>] = [SIMD3(0.95, 0.3, 0.25), SIMD3(0.25, 0.8, 0.4), SIMD3(0.2, 0.55, 1), SIMD3(1, 0.8, 0.2),
                                      SIMD3(0.9, 0.9, 0.92), SIMD3(0.6, 0.3, 0.9), SIMD3(1, 0.5, 0.2), SIMD3(0.2, 0.8, 0.85)]
        for row in 0..<4 {
            for col in 0..<4 {
                let cx = (Double(col) - 1.5) * 0.016, cy = 0.052 - Double(row) * 0.019
                let p = glyph + x * cx + up * cy, s = 0.0055
                b.quad(p - x * s + up * s, p + x * s + up * s, p + x * s - up * s, p - x * s - up * s, normal: z,
                       color: icons[(row * 4 + col * 3) % icons.count])
            }
        }
        let dock = glyph - up * 0.062
        b.quad(dock - x * 0.032 + up * 0.009, dock + x * 0.032 + up * 0.009, dock + x * 0.032 - up * 0.009, dock - x * 0.032 - up * 0.009,
               normal: z, color: SIMD3<Float>(0.75, 0.7, 0.85))
        b.emissive = false
        b.castsShadow = true
        // Camera bump on the back, top left as seen from behind.
        let back = c - z * (t / 2)
        let bump = back + x * 0.017 + up * 0.058
        b.roundedSlab(center: bump - z * 0.0012, x: x, y: up, z: z, halfWidth: 0.014, halfHeight: 0.014, radius: 0.005, halfThickness: 0.0014,
                      color: body * 0.85)
        for dy in [0.006, -0.006] {
            let lens = bump + up * dy - x * 0.004 - z * 0.0024
            b.segment(lens, lens - z * 0.0014, radius: 0.0045, color: SIMD3(0.04, 0.04, 0.05), sides: 12)
        }
    }

    /// A box with a white band and a lid that lifts and swings back as it opens, with a
    /// phone rising out of it.
    func drawBox(_ b: inout MeshBuilder, base: Vec3, x: Vec3, up: Vec3, z: Vec3, color: SIMD3<Float>, opening: Double) {
        let size = PropShape.size(of: .productBox)
        let lidH = 0.035, bodyH = size.y - lidH
        let c = base + up * (bodyH / 2 + 0.001)
        b.box(center: c, x: x * (size.x / 2), y: up * (bodyH / 2), z: z * (size.z / 2), color: color)
        // The dark inside, seen when the lid is off.
        b.castsShadow = false
        b.quad(c + up * (bodyH / 2 + 0.0005) - x * (size.x / 2 - 0.006) - z * (size.z / 2 - 0.006),
               c + up * (bodyH / 2 + 0.0005) + x * (size.x / 2 - 0.006) - z * (size.z / 2 - 0.006),
               c + up * (bodyH / 2 + 0.0005) + x * (size.x / 2 - 0.006) + z * (size.z / 2 - 0.006),
               c + up * (bodyH / 2 + 0.0005) - x * (size.x / 2 - 0.006) + z * (size.z / 2 - 0.006), normal: up, color: SIMD3(0.08, 0.07, 0.07))
        b.castsShadow = true
        // The product inside rises once the lid is clear.
        let rise = max(0, min(1, (opening - 0.45) / 0.55))
        if rise > 0 {
            let phoneBase = base + up * (bodyH - 0.16 + rise * 0.15)
            drawPhone(&b, base: phoneBase, x: x, up: up, z: z, body: SIMD3(0.12, 0.12, 0.14))
        }
        // The lid: up, then back and tilted, hinging away from the camera side.
        let lift = min(1, opening / 0.5) * 0.09
        let swing = max(0, (opening - 0.35) / 0.65)
        let tilt = swing * 0.9
        let lidCentre = base + up * (bodyH + lidH / 2 + 0.002 + lift + swing * 0.02) - z * (swing * (size.z * 0.75))
        let ly = up * cos(tilt) - z * sin(tilt), lz = z * cos(tilt) + up * sin(tilt)
        b.box(center: lidCentre, x: x * (size.x / 2 + 0.004), y: ly * (lidH / 2), z: lz * (size.z / 2 + 0.004), color: color * 1.05)
        b.box(center: lidCentre + ly * 0.0005, x: x * (size.x * 0.12), y: ly * (lidH / 2 + 0.0008), z: lz * (size.z / 2 + 0.005),
              color: SIMD3(0.96, 0.96, 0.94))
        b.box(center: c, x: x * (size.x * 0.12), y: up * (bodyH / 2 + 0.0004), z: z * (size.z / 2 + 0.0008), color: SIMD3(0.96, 0.96, 0.94))
    }

    /// A watch standing on its strap: round steel case, black dial with white hands and
    /// indices, a crown, and a strap looped behind.
    func drawWatch(_ b: inout MeshBuilder, base: Vec3, x: Vec3, up: Vec3, z: Vec3, metal: SIMD3<Float>) {
        let r = 0.021, centre = base + up * 0.052
        b.segment(centre - z * 0.006, centre + z * 0.006, radius: r, color: metal, sides: 20)
        b.castsShadow = false
        let face = centre + z * 0.0062
        b.disc(center: face, normal: z, x: x, radius: r * 0.86, color: SIMD3(0.05, 0.05, 0.07), sides: 20)
        b.emissive = true
        for k in 0..<12 {
            let a = Double(k) / 12 * 2 * Double.pi
            let d = x * sin(a) + up * cos(a)
            let p = face + z * 0.0003 + d * (r * 0.72)
            let side = x * cos(a) - up * sin(a)
            b.quad(p - side * 0.0008 + d * 0.002, p + side * 0.0008 + d * 0.002, p + side * 0.0008 - d * 0.002, p - side * 0.0008 - d * 0.002,
                   normal: z, color: SIMD3<Float>(0.95, 0.95, 0.92))
        }
        for (a, len) in [(0.9, 0.6), (4.2, 0.78)] {
            let d = x * sin(a) + up * cos(a), side = x * cos(a) - up * sin(a)
            let p0 = face + z * 0.0005, p1 = p0 + d * (r * len)
            b.quad(p0 - side * 0.0009, p1 - side * 0.0009, p1 + side * 0.0009, p0 + side * 0.0009, normal: z, color: SIMD3<Float>(0.98, 0.98, 0.98))
        }
        b.emissive = false
        b.castsShadow = true
        b.segment(centre + x * r, centre + x * (r + 0.004), radius: 0.0025, color: metal, sides: 8)
        let strap = SIMD3<Float>(0.16, 0.1, 0.07)
        b.box(center: centre + up * (r + 0.012), x: x * 0.011, y: up * 0.013, z: z * 0.0025, color: strap)
        b.box(center: centre - up * (r + 0.014), x: x * 0.011, y: up * 0.015, z: z * 0.0025, color: strap)
        b.box(center: base + up * 0.003 - z * 0.012, x: x * 0.011, y: up * 0.003, z: z * 0.014, color: strap)
        b.box(center: centre - z * 0.026, x: x * 0.011, y: up * 0.05, z: z * 0.0025, color: strap)
    }

    /// One sneaker along x (toe at +x): a white sole with a rounded toe, a coloured upper
    /// with a darker heel counter, a collar opening and laces.
    func drawSneaker(_ b: inout MeshBuilder, base: Vec3, x: Vec3, up: Vec3, z: Vec3, color: SIMD3<Float>) {
        let sole = SIMD3<Float>(0.95, 0.95, 0.93)
        b.box(center: base + up * 0.0125, x: x * 0.12, y: up * 0.0125, z: z * 0.045, color: sole)
        b.segment(base + x * 0.12 + up * 0.0125 - z * 0.045, base + x * 0.12 + up * 0.0125 + z * 0.045, radius: 0.0125, color: sole, sides: 10)
        b.box(center: base + up * 0.05 - x * 0.03, x: x * 0.09, y: up * 0.026, z: z * 0.042, color: color)
        b.segment(base + x * 0.06 + up * 0.04 - z * 0.04, base + x * 0.06 + up * 0.04 + z * 0.04, radius: 0.022, color: color, sides: 10)
        b.box(center: base + up * 0.062 - x * 0.1, x: x * 0.025, y: up * 0.036, z: z * 0.043, color: color * 0.6)
        b.castsShadow = false
        b.quad(base + up * 0.0765 - x * 0.095 - z * 0.028, base + up * 0.0765 - x * 0.045 - z * 0.028,
               base + up * 0.0765 - x * 0.045 + z * 0.028, base + up * 0.0765 - x * 0.095 + z * 0.028, normal: up, color: SIMD3(0.06, 0.06, 0.07))
        for k in 0..<4 {
            let p = base + up * 0.0768 - x * (0.03 - Double(k) * 0.02)
            b.box(center: p, x: x * 0.003, y: up * 0.0015, z: z * 0.03, color: SIMD3(0.98, 0.98, 0.98))
        }
        b.castsShadow = true
    }

    /// A laptop facing +z: aluminium base with a dark keyboard and trackpad, and a screen
    /// hinged at the back that opens to 105° with a lit desktop.
    func drawLaptop(_ b: inout MeshBuilder, base: Vec3, x: Vec3, up: Vec3, z: Vec3, color: SIMD3<Float>, opening: Double) {
        let (w, d, t) = (0.32, 0.22, 0.009)
        let hinge = base + up * t - z * (d / 2)
        b.box(center: base + up * (t / 2), x: x * (w / 2), y: up * (t / 2), z: z * (d / 2), color: color)
        b.castsShadow = false
        let top = base + up * (t + 0.0004)
        b.quad(top - x * 0.14 - z * 0.09, top + x * 0.14 - z * 0.09, top + x * 0.14 + z * 0.01, top - x * 0.14 + z * 0.01,
               normal: up, color: SIMD3(0.1, 0.1, 0.11))
        b.quad(top - x * 0.05 + z * 0.03, top + x * 0.05 + z * 0.03, top + x * 0.05 + z * 0.095, top - x * 0.05 + z * 0.095,
               normal: up, color: color * 0.9)
        b.castsShadow = true
        let angle = opening * 105 * Double.pi / 180
        // The lid's direction from the hinge: lying forward when closed, up and back when open.
        let along = z * cos(angle) + up * sin(angle)
        let normal = up * cos(angle) - z * sin(angle)
        let lidCentre = hinge + along * (d / 2) + normal * 0.003
        b.box(center: lidCentre, x: x * (w / 2), y: normal * 0.003, z: along * (d / 2), color: color)
        if opening > 0.3 {
            b.castsShadow = false
            b.emissive = true
            let s = lidCentre - normal * 0.0035
            let face = -normal
            b.quad(s - x * 0.145 + along * 0.095, s + x * 0.145 + along * 0.095, s + x * 0.145 - along * 0.095, s - x * 0.145 - along * 0.095,
                   normal: face, color: SIMD3<Float>(0.2, 0.45, 0.8))
            let win = s - face * 0.0003
            b.quad(win - x * 0.08 + along * 0.06, win + x * 0.06 + along * 0.06, win + x * 0.06 - along * 0.04, win - x * 0.08 - along * 0.04,
                   normal: face, color: SIMD3<Float>(0.93, 0.94, 0.96))
            b.quad(win - x * 0.145 + along * 0.095, win + x * 0.145 + along * 0.095, win + x * 0.145 + along * 0.088, win - x * 0.145 + along * 0.088,
                   normal: face, color: SIMD3<Float>(0.85, 0.85, 0.88))
            b.emissive = false
            b.castsShadow = true
        }
    }

    /// A ceramic mug with coffee in it and a handle on its right.
    func drawMug(_ b: inout MeshBuilder, base: Vec3, x: Vec3, up: Vec3, z: Vec3, color: SIMD3<Float>) {
        let r = 0.042, h = 0.095
        b.segment(base, base + up * h, radius: r, color: color, sides: 20)
        b.castsShadow = false
        b.disc(center: base + up * (h + 0.0005), normal: up, x: x, radius: r * 0.88, color: SIMD3(0.22, 0.12, 0.07), sides: 20)
        b.castsShadow = true
        var prev = base + x * r + up * (h * 0.78)
        for k in 1...6 {
            let a = Double(k) / 6 * Double.pi
            let p = base + x * (r + 0.026 * sin(a)) + up * (h * 0.5 + h * 0.28 * cos(a))
            b.segment(prev, p, radius: 0.0055, color: color, sides: 6)
            prev = p
        }
    }
}

extension MeshBuilder {
    /// A slab with rounded corners in the plane of `x` and `y`, `halfThickness` along `z`:
    /// phone bodies and camera bumps. Side normals are smooth, so the edge catches light.
    mutating func roundedSlab(center: Vec3, x: Vec3, y: Vec3, z: Vec3, halfWidth: Double, halfHeight: Double, radius: Double,
                              halfThickness: Double, color: SIMD3<Float>, cornerSteps: Int = 4) {
        let outline = MeshBuilder.roundedOutline(halfWidth: halfWidth, halfHeight: halfHeight, radius: radius, steps: cornerSteps)
        let front = outline.map { SIMD3<Float>(center + x * $0.p.x + y * $0.p.y + z * halfThickness) }
        let back = outline.map { SIMD3<Float>(center + x * $0.p.x + y * $0.p.y - z * halfThickness) }
        let nz = SIMD3<Float>(z), c0 = SIMD3<Float>(center + z * halfThickness), c1 = SIMD3<Float>(center - z * halfThickness)
        for i in outline.indices {
            let j = (i + 1) % outline.count
            flatTriangle(c0, front[i], front[j], normal: nz, color: color)
            flatTriangle(c1, back[j], back[i], normal: -nz, color: color)
            let ni = SIMD3<Float>(x * outline[i].n.x + y * outline[i].n.y), nj = SIMD3<Float>(x * outline[j].n.x + y * outline[j].n.y)
            triangle(front[i], back[i], back[j], ni, ni, nj, color: color, outward: (ni + nj) * 0.5)
            triangle(front[i], back[j], front[j], ni, nj, nj, color: color, outward: (ni + nj) * 0.5)
        }
    }

    /// A flat rounded rectangle facing `normal`, coloured from `top` to `bottom` in bands.
    mutating func roundedPanel(center: Vec3, x: Vec3, y: Vec3, normal: Vec3, halfWidth: Double, halfHeight: Double, radius: Double,
                               top: SIMD3<Float>, bottom: SIMD3<Float>) {
        let outline = MeshBuilder.roundedOutline(halfWidth: halfWidth, halfHeight: halfHeight, radius: radius, steps: 3)
        let n = SIMD3<Float>(normal), c = SIMD3<Float>(center)
        let mid = (top + bottom) * 0.5
        for i in outline.indices {
            let j = (i + 1) % outline.count
            let a = SIMD3<Float>(center + x * outline[i].p.x + y * outline[i].p.y)
            let bb = SIMD3<Float>(center + x * outline[j].p.x + y * outline[j].p.y)
            let ta = Float((outline[i].p.y / halfHeight + 1) / 2), tb = Float((outline[j].p.y / halfHeight + 1) / 2)
            let ca = bottom + (top - bottom) * ta, cb = bottom + (top - bottom) * tb
            // Vertex colours differ, so add the triangle with its own colours.
            appendTriangle(c, a, bb, colors: (mid, ca, cb), normal: n)
        }
    }

    /// A flat disc facing `normal`.
    mutating func disc(center: Vec3, normal: Vec3, x: Vec3, radius: Double, color: SIMD3<Float>, sides: Int) {
        let yy = normal.cross(x).normalized
        let c = SIMD3<Float>(center), n = SIMD3<Float>(normal)
        for k in 0..<sides {
            let a0 = 2 * Double.pi * Double(k) / Double(sides), a1 = 2 * Double.pi * Double(k + 1) / Double(sides)
            let p0 = SIMD3<Float>(center + (x * cos(a0) + yy * sin(a0)) * radius)
            let p1 = SIMD3<Float>(center + (x * cos(a1) + yy * sin(a1)) * radius)
            flatTriangle(c, p0, p1, normal: n, color: color)
        }
    }

    /// The outline of a rounded rectangle, counter-clockwise, with outward normals.
    static func roundedOutline(halfWidth: Double, halfHeight: Double, radius: Double, steps: Int) -> [(p: SIMD2<Double>, n: SIMD2<Double>)] {
        var out: [(p: SIMD2<Double>, n: SIMD2<Double>)] = []
        let corners: [(SIMD2<Double>, Double)] = [
            (SIMD2(halfWidth - radius, halfHeight - radius), 0), (SIMD2(-halfWidth + radius, halfHeight - radius), 0.5 * Double.pi),
            (SIMD2(-halfWidth + radius, -halfHeight + radius), Double.pi), (SIMD2(halfWidth - radius, -halfHeight + radius), 1.5 * Double.pi),
        ]
        for (c, start) in corners {
            for k in 0...steps {
                let a = start + Double(k) / Double(steps) * 0.5 * Double.pi
                let n = SIMD2(cos(a), sin(a))
                out.append((c + n * radius, n))
            }
        }
        return out
    }
}

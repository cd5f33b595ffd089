import Foundation
import KinoCore

/// Lit triangles in world space, three vertices each, ready for the rasteriser.
struct TriangleSoup: Sendable {
    var positions: [SIMD3<Float>] = []
    /// Final vertex colours (lit and fogged), 0…1.
    var colors: [SIMD3<Float>] = []
    /// Per triangle: drop it when it faces away from the camera.
    var cull: [Bool] = []
    /// Per triangle: part of the shot's subject (what the matte holds).
    var subject: [Bool] = []
    var count: Int { cull.count }

    mutating func reserve(_ n: Int) {
        positions.reserveCapacity(n * 3); colors.reserveCapacity(n * 3); cull.reserveCapacity(n); subject.reserveCapacity(n)
    }
}

/// Builds lit geometry from primitives (boxes, limbs, spheres, tessellated quads): lights
/// each vertex with the key and ambient light, fogs it by its distance from the eye, and
/// records planar shadows of casters on the ground they stand on.
struct MeshBuilder {
    var light: SceneLight
    var eye: SIMD3<Float>
    var soup = TriangleSoup()
    /// Shadow triangles projected onto their ground plane (positions only), one list per
    /// sample of the area key light.
    var shadows: [[SIMD3<Float>]]
    /// Directions towards the samples of the area key light (one: a point light).
    let shadowDirections: [SIMD3<Float>]
    let look: Look
    var castsShadow = false
    var shadowPlane: Float = 0
    var emissive = false
    var cullBackFaces = true
    /// Triangles added while this holds belong to the subject's matte.
    var subject = false
    /// The material's gloss, 0 matte … 1 polished: the strength and tightness of its
    /// specular highlight.
    var gloss: Float = 0

    init(light: SceneLight, eye: Vec3, look: Look = .full) {
        self.light = light
        self.eye = SIMD3<Float>(eye)
        self.look = look
        shadowDirections = MeshBuilder.areaLight(towards: light.toLight, samples: look.shadowSamples)
        shadows = Array(repeating: [], count: shadowDirections.count)
    }

    /// Sample directions spread over a key light 5° in radius, on a ring about its centre.
    static func areaLight(towards l: SIMD3<Float>, samples: Int) -> [SIMD3<Float>] {
        guard samples > 1 else { return [l] }
        let helper: SIMD3<Float> = abs(l.y) < 0.9 ? SIMD3(0, 1, 0) : SIMD3(1, 0, 0)
        var u = SIMD3<Float>(l.y * helper.z - l.z * helper.y, l.z * helper.x - l.x * helper.z, l.x * helper.y - l.y * helper.x)
        u /= (u * u).sum().squareRoot()
        let v = SIMD3<Float>(l.y * u.z - l.z * u.y, l.z * u.x - l.x * u.z, l.x * u.y - l.y * u.x)
        return (0..<samples).map { k in
            let a = Float(2 * Double.pi * Double(k) / Double(samples))
            let d = l + (u * Float(cos(Double(a))) + v * Float(sin(Double(a)))) * 0.087
            return d / (d * d).sum().squareRoot()
        }
    }

    @inline(__always) func shade(_ p: SIMD3<Float>, _ n: SIMD3<Float>, _ base: SIMD3<Float>) -> SIMD3<Float> {
        var c: SIMD3<Float>
        if emissive {
            c = base
        } else {
            let ndl = max(0, (n * light.toLight).sum())
            var ambient = light.ambient
            if look.ambientOcclusion {
                // Occlusion where a surface meets the ground it stands on: the lower a
                // vertex and the more upright its surface, the less sky and bounce it sees.
                let h = max(0, p.y - shadowPlane)
                let upright = 1 - min(1, abs(n.y))
                ambient *= 1 - 0.42 * upright * Float(exp(-Double(h) / 0.14))
            }
            c = base * (ambient + light.key * ndl)
            if look.specular && gloss > 0 && ndl > 0 {
                // Blinn-Phong, exponent 8…128 by gloss, by repeated squaring (exact everywhere).
                var toEye = eye - p
                toEye /= max(1e-6, (toEye * toEye).sum().squareRoot())
                var h = light.toLight + toEye
                h /= max(1e-6, (h * h).sum().squareRoot())
                var x = max(0, (n * h).sum())
                x *= x; x *= x; x *= x
                if gloss > 0.35 { x *= x }
                if gloss > 0.65 { x *= x }
                if gloss > 0.85 { x *= x }
                c += light.key * (x * gloss * 0.9)
            }
        }
        if light.fogDensity > 0 {
            let d = p - eye
            let f = 1 - exp(-light.fogDensity * (d * d).sum().squareRoot())
            c = c + (light.fogColor - c) * f
        }
        return c
    }

    /// One triangle; `outward` fixes its winding so back faces can be culled.
    mutating func triangle(_ a: SIMD3<Float>, _ b: SIMD3<Float>, _ c: SIMD3<Float>,
                           _ na: SIMD3<Float>, _ nb: SIMD3<Float>, _ nc: SIMD3<Float>,
                           color: SIMD3<Float>, outward: SIMD3<Float>) {
        triangle(a, b, c, na, nb, nc, colors: (color, color, color), outward: outward)
    }

    /// A flat triangle whose vertices have their own base colours (gradients on screens).
    mutating func appendTriangle(_ a: SIMD3<Float>, _ b: SIMD3<Float>, _ c: SIMD3<Float>,
                                 colors: (SIMD3<Float>, SIMD3<Float>, SIMD3<Float>), normal: SIMD3<Float>) {
        triangle(a, b, c, normal, normal, normal, colors: colors, outward: normal)
    }

    mutating func triangle(_ a: SIMD3<Float>, _ b: SIMD3<Float>, _ c: SIMD3<Float>,
                           _ na: SIMD3<Float>, _ nb: SIMD3<Float>, _ nc: SIMD3<Float>,
                           colors: (SIMD3<Float>, SIMD3<Float>, SIMD3<Float>), outward: SIMD3<Float>) {
        let e1 = b - a, e2 = c - a
        let n = SIMD3<Float>(e1.y * e2.z - e1.z * e2.y, e1.z * e2.x - e1.x * e2.z, e1.x * e2.y - e1.y * e2.x)
        let flip = (n * outward).sum() < 0
        let (p1, p2, n1, n2) = flip ? (c, b, nc, nb) : (b, c, nb, nc)
        let (k1, k2) = flip ? (colors.2, colors.1) : (colors.1, colors.2)
        soup.positions.append(a); soup.positions.append(p1); soup.positions.append(p2)
        soup.colors.append(shade(a, na, colors.0)); soup.colors.append(shade(p1, n1, k1)); soup.colors.append(shade(p2, n2, k2))
        soup.cull.append(cullBackFaces)
        soup.subject.append(subject)
        if castsShadow && light.toLight.y > 0.08 && (outward * light.toLight).sum() > 0 {
            let plane = shadowPlane + 0.0015
            for k in shadowDirections.indices {
                let l = shadowDirections[k]
                shadows[k].append(a - l * ((a.y - plane) / l.y))
                shadows[k].append(p1 - l * ((p1.y - plane) / l.y))
                shadows[k].append(p2 - l * ((p2.y - plane) / l.y))
            }
        }
    }

    mutating func flatTriangle(_ a: SIMD3<Float>, _ b: SIMD3<Float>, _ c: SIMD3<Float>, normal: SIMD3<Float>, color: SIMD3<Float>) {
        triangle(a, b, c, normal, normal, normal, color: color, outward: normal)
    }

    /// A flat quad a-b-c-d (in order around its edge), split into nu x nv cells so per-vertex
    /// fog follows the distance across large surfaces.
    mutating func quad(_ a: Vec3, _ b: Vec3, _ c: Vec3, _ d: Vec3, normal: Vec3, color: RGB, nu: Int = 1, nv: Int = 1) {
        quad(a, b, c, d, normal: normal, color: SIMD3<Float>(color.unit), nu: nu, nv: nv)
    }

    mutating func quad(_ a: Vec3, _ b: Vec3, _ c: Vec3, _ d: Vec3, normal: Vec3, color: SIMD3<Float>, nu: Int = 1, nv: Int = 1) {
        let n = SIMD3<Float>(normal)
        func at(_ u: Double, _ v: Double) -> SIMD3<Float> {
            let top = a + (b - a) * u, bottom = d + (c - d) * u
            return SIMD3<Float>(top + (bottom - top) * v)
        }
        for j in 0..<nv {
            for i in 0..<nu {
                let u0 = Double(i) / Double(nu), u1 = Double(i + 1) / Double(nu)
                let v0 = Double(j) / Double(nv), v1 = Double(j + 1) / Double(nv)
                let p00 = at(u0, v0), p10 = at(u1, v0), p11 = at(u1, v1), p01 = at(u0, v1)
                flatTriangle(p00, p10, p11, normal: n, color: color)
                flatTriangle(p00, p11, p01, normal: n, color: color)
            }
        }
    }

    /// A box from its centre and three half-axis vectors.
    mutating func box(center: Vec3, x: Vec3, y: Vec3, z: Vec3, color: SIMD3<Float>) {
        for (axis, u, v) in [(x, y, z), (y, z, x), (z, x, y)] {
            for s in [-1.0, 1.0] {
                let c = center + axis * s
                let n = axis.normalized * s
                quad(c - u - v, c + u - v, c + u + v, c - u + v, normal: n, color: color)
            }
        }
    }

    mutating func box(center: Vec3, size: Vec3, yaw: Double = 0, color: RGB) {
        let x = Vec3(cos(yaw), 0, -sin(yaw)) * (size.x / 2), z = Vec3(sin(yaw), 0, cos(yaw)) * (size.z / 2)
        box(center: center, x: x, y: Vec3(0, size.y / 2, 0), z: z, color: SIMD3<Float>(color.unit))
    }

    /// An axis-aligned box between two corners.
    mutating func block(_ lo: Vec3, _ hi: Vec3, color: RGB) {
        box(center: (lo + hi) / 2, size: hi - lo, color: color)
    }

    /// A limb: a prism of `sides` sides from `a` to `b` with smooth side normals and caps.
    mutating func segment(_ a: Vec3, _ b: Vec3, radius: Double, radiusB: Double? = nil, color: SIMD3<Float>, sides: Int = 6) {
        let axis = b - a
        let len = axis.length
        guard len > 1e-6 else { return }
        let w = axis / len
        let helper = abs(w.y) < 0.9 ? Vec3(0, 1, 0) : Vec3(1, 0, 0)
        let u = w.cross(helper).normalized, v = w.cross(u)
        let rb = radiusB ?? radius
        var ringA: [SIMD3<Float>] = [], ringB: [SIMD3<Float>] = [], normals: [SIMD3<Float>] = []
        for i in 0..<sides {
            let t = 2 * Double.pi * Double(i) / Double(sides)
            let dir = u * cos(t) + v * sin(t)
            ringA.append(SIMD3<Float>(a + dir * radius)); ringB.append(SIMD3<Float>(b + dir * rb))
            normals.append(SIMD3<Float>(dir))
        }
        for i in 0..<sides {
            let j = (i + 1) % sides
            let out = (normals[i] + normals[j]) * 0.5
            triangle(ringA[i], ringA[j], ringB[j], normals[i], normals[j], normals[j], color: color, outward: out)
            triangle(ringA[i], ringB[j], ringB[i], normals[i], normals[j], normals[i], color: color, outward: out)
        }
        let nw = SIMD3<Float>(w)
        for i in 1..<(sides - 1) {
            flatTriangle(ringA[0], ringA[i], ringA[i + 1], normal: -nw, color: color)
            flatTriangle(ringB[0], ringB[i], ringB[i + 1], normal: nw, color: color)
        }
    }

    /// A low-poly sphere (or ellipsoid with `scale`), `rings` x `slices`.
    mutating func sphere(center: Vec3, radius: Double, scale: Vec3 = Vec3(1, 1, 1), color: SIMD3<Float>,
                         rings: Int = 5, slices: Int = 8, upperOnly: Bool = false) {
        func point(_ r: Int, _ s: Int) -> (SIMD3<Float>, SIMD3<Float>) {
            let phi = Double.pi * Double(r) / Double(rings) * (upperOnly ? 0.5 : 1)
            let theta = 2 * Double.pi * Double(s) / Double(slices)
            let n = Vec3(sin(phi) * cos(theta), cos(phi), sin(phi) * sin(theta))
            return (SIMD3<Float>(center + n * scale * radius), SIMD3<Float>((n / scale).normalized))
        }
        for r in 0..<rings {
            for s in 0..<slices {
                let (p00, n00) = point(r, s), (p01, n01) = point(r, s + 1)
                let (p10, n10) = point(r + 1, s), (p11, n11) = point(r + 1, s + 1)
                let out = n00 + n01 + n10 + n11
                if r > 0 { triangle(p00, p01, p11, n00, n01, n11, color: color, outward: out) }
                if r < rings - 1 || upperOnly { triangle(p00, p11, p10, n00, n11, n10, color: color, outward: out) }
            }
        }
    }

    /// A vertical cylinder standing on `base`.
    mutating func cylinder(base: Vec3, height: Double, radius: Double, color: RGB, sides: Int = 10) {
        segment(base, base + Vec3(0, height, 0), radius: radius, color: SIMD3<Float>(color.unit), sides: sides)
    }
}


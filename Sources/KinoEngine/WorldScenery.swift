import Foundation
import KinoCore

/// The set of each environment: ground, buildings, rooms and their furniture. Laid out from
/// a fixed per-environment seed (not the shot seed), so every shot of a scene shares it.
enum WorldScenery {
    static func build(_ b: inout MeshBuilder, setup: WorldSetup, camera: PinholeCamera, sightLines: [(Vec3, Vec3)] = []) {
        b.castsShadow = false
        b.emissive = false
        b.cullBackFaces = true
        let night = setup.timeOfDay == .night
        switch setup.scene.environment {
        case .cityNight, .street:
            street(&b, along: streetWindow(camera), night: night, neon: setup.scene.neonSigns || setup.scene.environment == .cityNight)
        case .livingRoom: livingRoom(&b, setup: setup, night: night, sightLines: sightLines)
        case .kitchen: kitchen(&b, setup: setup, night: night, sightLines: sightLines)
        case .office: office(&b, setup: setup, night: night, sightLines: sightLines)
        case .studio:
            if case .cyclorama(let radius)? = setup.interior?.shape {
                studio(&b, tableAt: setup.propBase, radius: radius, height: setup.interior?.height ?? 16)
            }
        case .park: park(&b, night: night)
        case .neutral: neutral(&b)
        }
        b.castsShadow = false
        b.emissive = false
    }

    static func ground(_ b: inout MeshBuilder, x: ClosedRange<Double>, z: ClosedRange<Double>, y: Double = 0, color: RGB, cell: Double = 5) {
        let nu = max(1, Int(((x.upperBound - x.lowerBound) / cell).rounded(.up)))
        let nv = max(1, Int(((z.upperBound - z.lowerBound) / cell).rounded(.up)))
        b.quad(Vec3(x.lowerBound, y, z.lowerBound), Vec3(x.upperBound, y, z.lowerBound), Vec3(x.upperBound, y, z.upperBound),
               Vec3(x.lowerBound, y, z.upperBound), normal: Vec3(0, 1, 0), color: color, nu: nu, nv: nv)
    }

    // MARK: street

    /// The stretch of street drawn: mostly ahead of the camera, snapped to whole 4 m tiles.
    /// The street is endless; a walker can follow it for as long as a shot is extended.
    static func streetWindow(_ camera: PinholeCamera) -> ClosedRange<Double> {
        let z = camera.position.z
        let lo = camera.forward.z <= 0 ? z - 140 : z - 50
        let start = (lo / 4).rounded(.down) * 4
        return start...(start + 192)
    }

    /// The height of the building in `cell` on `side` of the street (its seed's first draw).
    static func buildingHeight(side: Int, cell: Int) -> Double {
        var rng = WorldRandom(seed: 0x5EED_C17E, frame: cell, stream: UInt64(side + 1))
        return rng.uniform(9, 26)
    }

    static func street(_ b: inout MeshBuilder, along window: ClosedRange<Double>, night: Bool, neon: Bool) {
        let z0 = window.lowerBound, z1 = window.upperBound
        ground(&b, x: -3...2.5, z: z0...z1, color: night ? RGB(58, 58, 64) : RGB(150, 148, 142), cell: 4)
        ground(&b, x: 2.5...10.5, z: z0...z1, color: night ? RGB(28, 28, 33) : RGB(70, 70, 74), cell: 4)
        ground(&b, x: 10.5...14, z: z0...z1, color: night ? RGB(58, 58, 64) : RGB(150, 148, 142), cell: 4)
        // Curbs and lane dashes.
        b.block(Vec3(2.4, 0, z0), Vec3(2.55, 0.12, z1), color: RGB(120, 120, 118))
        b.block(Vec3(10.45, 0, z0), Vec3(10.6, 0.12, z1), color: RGB(120, 120, 118))
        var z = (z0 / 7).rounded(.up) * 7
        while z < z1 {
            b.quad(Vec3(6.4, 0.01, z), Vec3(6.6, 0.01, z), Vec3(6.6, 0.01, z + 3), Vec3(6.4, 0.01, z + 3), normal: Vec3(0, 1, 0),
                   color: night ? RGB(150, 150, 130) : RGB(230, 230, 210))
            z += 7
        }
        let facades = [RGB(120, 100, 90), RGB(90, 92, 100), RGB(150, 130, 110), RGB(70, 74, 84), RGB(130, 120, 125), RGB(100, 85, 80)]
        let neonColors: [SIMD3<Float>] = [SIMD3(1, 0.15, 0.6), SIMD3(0.1, 0.9, 1), SIMD3(0.7, 0.2, 1), SIMD3(0.2, 1, 0.4), SIMD3(1, 0.5, 0.1)]
        // One building per 11 m of street, each laid out from its own cell's seed.
        let cellLength = 11.0
        for (side, (faceX, dir)) in [(-3.0, 1.0), (14.0, -1.0)].enumerated() {
            for cell in Int((z0 / cellLength).rounded(.down))..<Int((z1 / cellLength).rounded(.up)) {
                var rng = WorldRandom(seed: 0x5EED_C17E, frame: cell, stream: UInt64(side + 1))
                let zz = Double(cell) * cellLength
                let width = cellLength, height = rng.uniform(9, 26)
                assert(height == buildingHeight(side: side, cell: cell))
                let facade = facades[rng.index(facades.count)]
                let tint = night ? RGB(UInt8(Double(facade.r) * 0.35), UInt8(Double(facade.g) * 0.35), UInt8(Double(facade.b) * 0.4)) : facade
                let back = faceX - dir * 12
                // Facade, roof, and only the parts of the side walls that rise above the
                // neighbours: the rest is hidden inside the terrace and would cost overdraw.
                let n = Vec3(dir, 0, 0)
                b.quad(Vec3(faceX, height, zz + width), Vec3(faceX, height, zz), Vec3(faceX, 0, zz), Vec3(faceX, 0, zz + width),
                       normal: n, color: tint)
                b.quad(Vec3(faceX, height, zz), Vec3(faceX, height, zz + width), Vec3(back, height, zz + width), Vec3(back, height, zz),
                       normal: Vec3(0, 1, 0), color: tint * 0.8)
                let before = buildingHeight(side: side, cell: cell - 1), after = buildingHeight(side: side, cell: cell + 1)
                if height > before {
                    b.quad(Vec3(faceX, height, zz), Vec3(back, height, zz), Vec3(back, before, zz), Vec3(faceX, before, zz),
                           normal: Vec3(0, 0, -1), color: tint * 0.9)
                }
                if height > after {
                    b.quad(Vec3(back, height, zz + width), Vec3(faceX, height, zz + width), Vec3(faceX, after, zz + width),
                           Vec3(back, after, zz + width), normal: Vec3(0, 0, 1), color: tint * 0.9)
                }
                // Windows.
                let fx = faceX + dir * 0.02
                var wy = 3.6
                while wy + 1.6 < height {
                    var wz = zz + 1.0
                    while wz + 1.2 < zz + width - 0.5 {
                        let lit = night && rng.chance(0.45)
                        b.emissive = lit
                        let c: RGB = lit ? (rng.chance(0.5) ? RGB(255, 210, 140) : RGB(200, 220, 255)) : (night ? RGB(12, 14, 20) : RGB(60, 75, 95))
                        b.quad(Vec3(fx, wy + 1.4, wz), Vec3(fx, wy + 1.4, wz + 1.1), Vec3(fx, wy, wz + 1.1), Vec3(fx, wy, wz), normal: n, color: c)
                        b.emissive = false
                        wz += 2.2
                    }
                    wy += 3.2
                }
                // Shop front at street level.
                b.emissive = night
                b.quad(Vec3(fx, 2.6, zz + 0.8), Vec3(fx, 2.6, zz + width - 1.1), Vec3(fx, 0.3, zz + width - 1.1), Vec3(fx, 0.3, zz + 0.8),
                       normal: n, color: night ? RGB(120, 100, 70) : RGB(50, 60, 70))
                b.emissive = false
                if neon && rng.chance(0.8) {
                    let c = neonColors[rng.index(neonColors.count)]
                    let sy = rng.uniform(2.9, 5.5), sz = zz + rng.uniform(1, max(1.1, width - 4))
                    let sw = rng.uniform(1.6, 3.2)
                    let sx = faceX + dir * 0.06
                    b.quad(Vec3(sx, sy + 0.9, sz - 0.1), Vec3(sx, sy + 0.9, sz + sw + 0.1), Vec3(sx, sy - 0.1, sz + sw + 0.1),
                           Vec3(sx, sy - 0.1, sz - 0.1), normal: n, color: RGB(15, 15, 18))
                    b.emissive = true
                    let lx = faceX + dir * 0.08
                    b.quad(Vec3(lx, sy + 0.75, sz), Vec3(lx, sy + 0.75, sz + sw), Vec3(lx, sy + 0.05, sz + sw), Vec3(lx, sy + 0.05, sz),
                           normal: n, color: night ? c : c * 0.8)
                    // A blade sign sticking out from the wall, seen from both ways.
                    if rng.chance(0.5) {
                        let c2 = neonColors[rng.index(neonColors.count)]
                        let bz = zz + 0.4, by = sy + 1.3
                        b.cullBackFaces = false
                        b.quad(Vec3(faceX, by + 2.2, bz), Vec3(faceX + dir * 0.9, by + 2.2, bz), Vec3(faceX + dir * 0.9, by, bz),
                               Vec3(faceX, by, bz), normal: Vec3(0, 0, 1), color: night ? c2 : c2 * 0.7)
                        b.cullBackFaces = true
                    }
                    b.emissive = false
                }
            }
        }
        // Street lamps (and the pools of light under them at night), trees by day.
        var lz = (z0 / 16).rounded(.up) * 16 + 6
        while lz < z1 {
            b.castsShadow = true
            b.cylinder(base: Vec3(2.2, 0, lz), height: 5.2, radius: 0.07, color: RGB(40, 42, 45), sides: 6)
            b.segment(Vec3(2.2, 5.2, lz), Vec3(3.2, 5.3, lz), radius: 0.05, color: SIMD3(0.16, 0.16, 0.18), sides: 4)
            b.castsShadow = false
            b.emissive = night
            b.box(center: Vec3(3.25, 5.2, lz), size: Vec3(0.5, 0.12, 0.28), color: night ? RGB(255, 214, 150) : RGB(200, 200, 190))
            if night {
                var pts: [Vec3] = []
                for k in 0..<10 { let a = Double(k) / 10 * 2 * Double.pi; pts.append(Vec3(2.9 + cos(a) * 2.6, 0.006, lz + sin(a) * 2.6)) }
                for k in 0..<10 {
                    let a = SIMD3<Float>(Vec3(2.9, 0.006, lz)), p1 = SIMD3<Float>(pts[k]), p2 = SIMD3<Float>(pts[(k + 1) % 10])
                    b.triangle(a, p1, p2, SIMD3(0, 1, 0), SIMD3(0, 1, 0), SIMD3(0, 1, 0), color: SIMD3(0.36, 0.3, 0.22), outward: SIMD3(0, 1, 0))
                }
            }
            b.emissive = false
            if !night {
                b.castsShadow = true
                let tz = lz + 8
                b.cylinder(base: Vec3(1.6, 0, tz), height: 2.6, radius: 0.12, color: RGB(90, 65, 45), sides: 6)
                b.sphere(center: Vec3(1.6, 3.6, tz), radius: 1.4, color: SIMD3(0.25, 0.45, 0.2), rings: 4, slices: 7)
                b.castsShadow = false
            }
            lz += 16
        }
    }

    // MARK: rooms

    /// A room's floor, walls and ceiling with their faces inward, so from outside the near
    /// walls vanish (a doll's-house view) and from inside all of them show.
    static func room(_ b: inout MeshBuilder, x: ClosedRange<Double>, z: ClosedRange<Double>, height: Double,
                     floor: RGB, walls: RGB, ceiling: RGB) {
        let (x0, x1, z0, z1, h) = (x.lowerBound, x.upperBound, z.lowerBound, z.upperBound, height)
        // Walls and ceiling overrun their corners by `o`, behind the neighbouring surface, so
        // no sample finds a crack where two tessellations meet.
        let o = 0.05
        ground(&b, x: (x0 - o)...(x1 + o), z: (z0 - o)...(z1 + o), color: floor, cell: 2)
        b.quad(Vec3(x0 - o, h + o, z0), Vec3(x1 + o, h + o, z0), Vec3(x1 + o, -o, z0), Vec3(x0 - o, -o, z0), normal: Vec3(0, 0, 1), color: walls, nu: 3, nv: 1)
        b.quad(Vec3(x0, h + o, z1 + o), Vec3(x0, h + o, z0 - o), Vec3(x0, -o, z0 - o), Vec3(x0, -o, z1 + o), normal: Vec3(1, 0, 0), color: walls * 0.96, nu: 3, nv: 1)
        b.quad(Vec3(x1, h + o, z0 - o), Vec3(x1, h + o, z1 + o), Vec3(x1, -o, z1 + o), Vec3(x1, -o, z0 - o), normal: Vec3(-1, 0, 0), color: walls * 0.96, nu: 3, nv: 1)
        b.quad(Vec3(x1 + o, h + o, z1), Vec3(x0 - o, h + o, z1), Vec3(x0 - o, -o, z1), Vec3(x1 + o, -o, z1), normal: Vec3(0, 0, -1), color: walls, nu: 3, nv: 1)
        b.quad(Vec3(x0 - o, h, z1 + o), Vec3(x1 + o, h, z1 + o), Vec3(x1 + o, h, z0 - o), Vec3(x0 - o, h, z0 - o), normal: Vec3(0, -1, 0), color: ceiling, nu: 2, nv: 2)
    }

    static func window(_ b: inout MeshBuilder, wallZ: Double, x: ClosedRange<Double>, y: ClosedRange<Double>, night: Bool) {
        let z = wallZ + 0.02
        b.quad(Vec3(x.lowerBound - 0.08, y.upperBound + 0.08, z), Vec3(x.upperBound + 0.08, y.upperBound + 0.08, z),
               Vec3(x.upperBound + 0.08, y.lowerBound - 0.08, z), Vec3(x.lowerBound - 0.08, y.lowerBound - 0.08, z),
               normal: Vec3(0, 0, 1), color: RGB(235, 235, 230))
        b.emissive = true
        b.quad(Vec3(x.lowerBound, y.upperBound, z + 0.01), Vec3(x.upperBound, y.upperBound, z + 0.01),
               Vec3(x.upperBound, y.lowerBound, z + 0.01), Vec3(x.lowerBound, y.lowerBound, z + 0.01),
               normal: Vec3(0, 0, 1), color: night ? RGB(20, 28, 52) : RGB(190, 220, 245))
        b.emissive = false
    }

    static func livingRoom(_ b: inout MeshBuilder, setup: WorldSetup, night: Bool, sightLines: [(Vec3, Vec3)]) {
        room(&b, x: -4.5...4.5, z: -8...4, height: 2.7, floor: RGB(140, 100, 70), walls: RGB(214, 204, 188), ceiling: RGB(236, 234, 230))
        window(&b, wallZ: -8, x: 1.2...3.4, y: 0.9...2.2, night: night)
        drawFurniture(&b, .livingRoom, sightLines: sightLines)
        b.castsShadow = true
        b.cylinder(base: Vec3(-3.9, 0, -7.4), height: 0.4, radius: 0.2, color: RGB(170, 90, 60), sides: 8)
        b.sphere(center: Vec3(-3.9, 0.8, -7.4), radius: 0.45, color: SIMD3(0.2, 0.45, 0.2), rings: 4, slices: 7)
        b.cylinder(base: Vec3(-3.9, 0, -1.6), height: 1.5, radius: 0.025, color: RGB(30, 30, 30), sides: 5)
        b.castsShadow = false
        b.emissive = true
        b.segment(Vec3(-3.9, 1.45, -1.6), Vec3(-3.9, 1.75, -1.6), radius: 0.22, radiusB: 0.14, color: night ? SIMD3(1, 0.85, 0.6) : SIMD3(0.95, 0.9, 0.8), sides: 8)
        b.emissive = false
        b.quad(Vec3(-1.2, 0.006, -1.0), Vec3(1.2, 0.006, -1.0), Vec3(1.2, 0.006, -5.0), Vec3(-1.2, 0.006, -5.0), normal: Vec3(0, 1, 0), color: RGB(170, 60, 50))
    }

    static func kitchen(_ b: inout MeshBuilder, setup: WorldSetup, night: Bool, sightLines: [(Vec3, Vec3)]) {
        room(&b, x: -4...4, z: -8...4, height: 2.7, floor: RGB(190, 185, 175), walls: RGB(225, 228, 224), ceiling: RGB(240, 240, 238))
        window(&b, wallZ: -8, x: -1.0...1.0, y: 1.2...2.2, night: night)
        drawFurniture(&b, .kitchen, sightLines: sightLines)
        b.emissive = true
        for z in [-5.5, -2.0] {
            b.segment(Vec3(-2.45, 2.7, z + 1.5), Vec3(-2.45, 2.0, z + 1.5), radius: 0.01, color: SIMD3(0.1, 0.1, 0.1), sides: 4)
            b.segment(Vec3(-2.45, 2.0, z + 1.5), Vec3(-2.45, 1.85, z + 1.5), radius: 0.06, radiusB: 0.16, color: SIMD3(1, 0.88, 0.65), sides: 8)
        }
        b.emissive = false
    }

    static func office(_ b: inout MeshBuilder, setup: WorldSetup, night: Bool, sightLines: [(Vec3, Vec3)]) {
        room(&b, x: -5...5, z: -8...4, height: 2.9, floor: RGB(90, 95, 105), walls: RGB(220, 222, 226), ceiling: RGB(235, 236, 238))
        window(&b, wallZ: -8, x: -4.5...4.5, y: 1.0...2.5, night: night)
        drawFurniture(&b, .office, sightLines: sightLines)
        b.emissive = true
        for (dx, dz) in [(-3.0, -5.6), (3.0, -5.6), (-3.0, -1.8), (3.0, -1.8)] {
            b.quad(Vec3(dx - 0.28, 1.1, dz - 0.215), Vec3(dx + 0.28, 1.1, dz - 0.215), Vec3(dx + 0.28, 0.78, dz - 0.215),
                   Vec3(dx - 0.28, 0.78, dz - 0.215), normal: Vec3(0, 0, 1), color: RGB(120, 170, 230))
        }
        for x in [-2.5, 2.5] {
            for z in [-5.5, -2.0, 1.5] {
                b.quad(Vec3(x - 0.6, 2.89, z + 0.3), Vec3(x + 0.6, 2.89, z + 0.3), Vec3(x + 0.6, 2.89, z - 0.3), Vec3(x - 0.6, 2.89, z - 0.3),
                       normal: Vec3(0, -1, 0), color: RGB(250, 250, 245))
            }
        }
        b.emissive = false
    }

    /// The studio: a round cyclorama (floor, cove and wall in one white surface that goes
    /// all the way round), so an orbit never finds its edge, and a table for the products.
    static func studio(_ b: inout MeshBuilder, tableAt x0: Double, radius: Double, height: Double) {
        let white = SIMD3<Float>(RGB(232, 232, 234).unit)
        let slices = 32, cove = 1.5
        let floorR = radius - cove
        let up = Vec3(0, 1, 0)
        func ring(_ r: Double, _ y: Double, _ k: Int) -> Vec3 {
            let a = 2 * Double.pi * Double(k) / Double(slices)
            return Vec3(r * sin(a), y, r * cos(a))
        }
        // Floor: rings of quads (fine near the middle, where the products stand, for the fog and light).
        let radii = [0.0, 1.5, 3.5, 6.5, floorR]
        for i in 0..<(radii.count - 1) {
            for k in 0..<slices {
                let a = ring(radii[i], 0, k), bb = ring(radii[i], 0, k + 1), c = ring(radii[i + 1], 0, k + 1), d = ring(radii[i + 1], 0, k)
                b.triangle(SIMD3<Float>(a), SIMD3<Float>(c), SIMD3<Float>(d), SIMD3<Float>(up), SIMD3<Float>(up), SIMD3<Float>(up), color: white, outward: SIMD3<Float>(up))
                if i > 0 {
                    b.triangle(SIMD3<Float>(a), SIMD3<Float>(bb), SIMD3<Float>(c), SIMD3<Float>(up), SIMD3<Float>(up), SIMD3<Float>(up), color: white, outward: SIMD3<Float>(up))
                }
            }
        }
        // Cove: a quarter circle from the floor's edge up to the wall, then the wall.
        var profile: [(r: Double, y: Double, n: Vec3)] = []
        for j in 0...4 {
            let t = Double(j) / 4 * Double.pi / 2
            profile.append((floorR + cove * sin(t), cove - cove * cos(t), Vec3(-sin(t), cos(t), 0)))
        }
        profile.append((radius, height, Vec3(-1, 0, 0)))
        for j in 0..<(profile.count - 1) {
            let p0 = profile[j], p1 = profile[j + 1]
            for k in 0..<slices {
                func v(_ p: (r: Double, y: Double, n: Vec3), _ kk: Int) -> (SIMD3<Float>, SIMD3<Float>) {
                    let pos = ring(p.r, p.y, kk), a = 2 * Double.pi * Double(kk) / Double(slices)
                    let n = Vec3(p.n.x * sin(a), p.n.y, p.n.x * cos(a))
                    return (SIMD3<Float>(pos), SIMD3<Float>(n))
                }
                let (a, na) = v(p0, k), (c, nc) = v(p0, k + 1), (d, nd) = v(p1, k + 1), (e, ne) = v(p1, k)
                let inward = -(a + c) * 0.5 * SIMD3<Float>(1, 0, 1)
                b.triangle(a, c, d, na, nc, nd, color: white, outward: inward)
                b.triangle(a, d, e, na, nd, ne, color: white, outward: inward)
            }
        }
        // A ceiling of the same white closes the cyclorama from a low angle.
        for k in 0..<slices {
            let a = ring(0, height, 0), c = ring(radius, height, k), d = ring(radius, height, k + 1)
            b.triangle(SIMD3<Float>(a), SIMD3<Float>(c), SIMD3<Float>(d), -SIMD3<Float>(up), -SIMD3<Float>(up), -SIMD3<Float>(up), color: white, outward: -SIMD3<Float>(up))
        }
        b.castsShadow = true
        // The tabletop, narrower when people stand beside it.
        let half = x0 == 0 ? 0.9 : 0.6
        b.block(Vec3(x0 - half, 0.76, -0.5), Vec3(x0 + half, 0.8, 0.5), color: RGB(214, 210, 204))
        for (x, z) in [(-half + 0.05, -0.45), (half - 0.05, -0.45), (-half + 0.05, 0.45), (half - 0.05, 0.45)] {
            b.block(Vec3(x0 + x - 0.02, 0, z - 0.02), Vec3(x0 + x + 0.02, 0.76, z + 0.02), color: RGB(180, 180, 185))
        }
        b.castsShadow = false
    }

    static func park(_ b: inout MeshBuilder, night: Bool) {
        ground(&b, x: -40...1.5, z: -120...40, color: night ? RGB(20, 40, 22) : RGB(80, 140, 60), cell: 6)
        ground(&b, x: 1.5...3.5, z: -120...40, color: night ? RGB(60, 55, 45) : RGB(190, 170, 130), cell: 4)
        ground(&b, x: 3.5...40, z: -120...40, color: night ? RGB(20, 40, 22) : RGB(80, 140, 60), cell: 6)
        var rng = WorldRandom(seed: 0x9A4C)
        b.castsShadow = true
        for _ in 0..<40 {
            var x = rng.uniform(-30, 30)
            if abs(x - 1.5) < 3.5 { x += x < 1.5 ? -4 : 4 }
            let z = rng.uniform(-110, 30), h = rng.uniform(2, 4)
            b.cylinder(base: Vec3(x, 0, z), height: h, radius: 0.15, color: RGB(90, 65, 45), sides: 6)
            b.sphere(center: Vec3(x, h + 1.2, z), radius: rng.uniform(1.3, 2.2), color: night ? SIMD3(0.06, 0.14, 0.07) : SIMD3(0.2, 0.42, 0.18), rings: 4, slices: 7)
        }
        for z in stride(from: -60.0, to: 20.0, by: 12.0) {
            b.block(Vec3(4.0, 0.42, z), Vec3(4.45, 0.48, z + 1.6), color: RGB(120, 80, 50))
            b.block(Vec3(4.4, 0.48, z), Vec3(4.45, 0.9, z + 1.6), color: RGB(120, 80, 50))
            b.block(Vec3(4.05, 0, z + 0.1), Vec3(4.4, 0.42, z + 0.2), color: RGB(40, 40, 40))
            b.block(Vec3(4.05, 0, z + 1.4), Vec3(4.4, 0.42, z + 1.5), color: RGB(40, 40, 40))
        }
        b.castsShadow = false
    }

    static func neutral(_ b: inout MeshBuilder) {
        for i in -10..<10 {
            for j in -20..<6 {
                let c = (i + j) & 1 == 0 ? RGB(150, 150, 152) : RGB(135, 135, 138)
                let x = Double(i) * 2, z = Double(j) * 2
                b.quad(Vec3(x, 0, z), Vec3(x + 2, 0, z), Vec3(x + 2, 0, z + 2), Vec3(x, 0, z + 2), normal: Vec3(0, 1, 0), color: c)
            }
        }
    }
}

extension RGB {
    static func * (c: RGB, k: Double) -> RGB {
        RGB(unit: c.unit * k)
    }
}

import Foundation
import KinoCore

/// The light of a shot as the rasteriser applies it: one key light (direction, colour from
/// its temperature, intensity), ambient fill, sky, fog and shadow strength.
struct SceneLight: Sendable, Hashable {
    /// Unit vector pointing towards the key light.
    var toLight: SIMD3<Float>
    /// Key colour times intensity.
    var key: SIMD3<Float>
    var ambient: SIMD3<Float>
    var skyTop: SIMD3<Float>
    var skyHorizon: SIMD3<Float>
    var fogColor: SIMD3<Float>
    /// Extinction per metre; 0 is perfectly clear air.
    var fogDensity: Float
    /// 0 no shadow … 1 black shadow.
    var shadowStrength: Float
    /// How strongly the sky is veiled by fog (0 clear sky … 1 only fog colour).
    var skyFog: Float

    /// Black-body colour of `kelvin` as RGB 0…1 (Tanner Helland's fit), white near 6500 K.
    static func kelvinToRGB(_ kelvin: Double) -> SIMD3<Double> {
        let t = min(40000, max(1000, kelvin)) / 100
        var r: Double, g: Double, b: Double
        if t <= 66 {
            r = 255
            g = 99.4708025861 * log(t) - 161.1195681661
        } else {
            r = 329.698727446 * pow(t - 60, -0.1332047592)
            g = 288.1221695283 * pow(t - 60, -0.0755148492)
        }
        if t >= 66 { b = 255 } else if t <= 19 { b = 0 } else { b = 138.5177312231 * log(t - 10) - 305.0447927307 }
        func c(_ x: Double) -> Double { min(255, max(0, x)) / 255 }
        r = c(r); g = c(g); b = c(b)
        return SIMD3(r, g, b)
    }

    static func direction(azimuth: Double, elevation: Double) -> SIMD3<Float> {
        let a = azimuth * Double.pi / 180, e = elevation * Double.pi / 180
        return SIMD3(Float(sin(a) * cos(e)), Float(sin(e)), Float(cos(a) * cos(e)))
    }

    /// The light for a lighting setup, or the default for the time of day when there is none.
    static func resolve(lighting: LightingSetup?, timeOfDay: TimeOfDay, weather: Weather,
                        environment: SceneSpec.Environment) -> SceneLight {
        var az: Double, el: Double, kelvin: Double, intensity: Double, ambient: Double
        switch timeOfDay {
        case .morning: (az, el, kelvin, intensity, ambient) = (60, 22, 4600, 0.95, 0.4)
        case .noon: (az, el, kelvin, intensity, ambient) = (35, 58, 5600, 1.0, 0.4)
        case .afternoon: (az, el, kelvin, intensity, ambient) = (-40, 36, 5000, 0.95, 0.38)
        case .sunset: (az, el, kelvin, intensity, ambient) = (-65, 9, 2700, 0.9, 0.3)
        case .night: (az, el, kelvin, intensity, ambient) = (25, 55, 3300, 0.55, 0.2)
        }
        if environment == .studio && lighting == nil { (az, el, kelvin, intensity, ambient) = (30, 50, 5600, 0.75, 0.6) }
        if let l = lighting {
            (az, el, kelvin, intensity, ambient) = (l.keyAzimuth, l.keyElevation, l.colorTemperature, l.intensity, l.ambient)
        }
        let sky: (top: SIMD3<Double>, horizon: SIMD3<Double>)
        switch timeOfDay {
        case .morning: sky = (SIMD3(0.42, 0.62, 0.88), SIMD3(0.96, 0.86, 0.76))
        case .noon: sky = (SIMD3(0.3, 0.52, 0.88), SIMD3(0.76, 0.85, 0.95))
        case .afternoon: sky = (SIMD3(0.34, 0.52, 0.84), SIMD3(0.88, 0.86, 0.8))
        case .sunset: sky = (SIMD3(0.22, 0.24, 0.5), SIMD3(1.0, 0.55, 0.3))
        case .night: sky = (SIMD3(0.01, 0.012, 0.04), SIMD3(0.07, 0.06, 0.12))
        }
        var top = sky.top, horizon = sky.horizon
        if environment == .studio { top = SIMD3(0.93, 0.93, 0.94); horizon = top }
        var fog = horizon, density = timeOfDay == .night ? 0.012 : 0.004, skyFog = 0.0
        switch weather {
        case .clear: break
        case .rain:
            intensity *= 0.6
            top = top * 0.55 + SIMD3(0.25, 0.26, 0.28) * 0.45
            horizon = horizon * 0.5 + SIMD3(0.45, 0.46, 0.5) * 0.5
            fog = horizon; density = 0.03; skyFog = 0.3
        case .fog:
            intensity *= 0.5
            fog = timeOfDay == .night ? SIMD3(0.1, 0.1, 0.12) : SIMD3(0.72, 0.74, 0.76)
            density = 0.11; skyFog = 0.9
        }
        let keyColor = kelvinToRGB(kelvin) * intensity
        let ambientColor = (SIMD3<Double>(1, 1, 1) * 0.6 + top * 0.4 / max(0.05, top.max())) * ambient
        let shadow = min(0.75, intensity / (intensity + ambient + 0.01) * 0.8) * (weather == .fog ? 0.4 : 1)
        return SceneLight(toLight: direction(azimuth: az, elevation: max(-89, min(89, el))),
                          key: SIMD3<Float>(keyColor), ambient: SIMD3<Float>(ambientColor),
                          skyTop: SIMD3<Float>(top), skyHorizon: SIMD3<Float>(horizon), fogColor: SIMD3<Float>(fog),
                          fogDensity: Float(density), shadowStrength: Float(shadow), skyFog: Float(skyFog))
    }
}

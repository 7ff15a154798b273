// Drives onvif-camera-sim with an ONVIF client we did not write: the npm package `onvif`
// (agsh/onvif 0.8.3), unpacked by scripts/fetch-onvif-npm.sh. Run by tst_onvif_interop:
//
//   node onvif_interop.mjs --modules DIR --port PORT --user USER --password PASS [--mode MODE]
//
// MODE "full" (default) exercises device info, profiles, stream URIs, imaging get/set/read back,
// presets, continuous/absolute/relative moves with status, and the snapshot; "connect" only
// connects and reads the device information (for the wrong-password and clock-offset cases).
// It prints one JSON object on stdout: what the client reported, and every error as a message.
// The checks are made by the QtTest from that JSON, so that the node side never decides.
import { createRequire } from 'node:module';
import http from 'node:http';
import path from 'node:path';

function arg(name, fallback) {
    const i = process.argv.indexOf('--' + name);
    return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const modules = arg('modules');
const port = Number(arg('port'));
const username = arg('user');
const password = arg('password');
const mode = arg('mode', 'full');
if (!modules || !port || !username || password === undefined) {
    console.error('usage: onvif_interop.mjs --modules DIR --port PORT --user USER --password PASS');
    process.exit(2);
}

const require = createRequire(path.join(path.resolve(modules), 'node_modules', 'index.js'));
const { Cam } = require('onvif');

const errorText = (err) => (err ? String(err.message || err) : null);

// Promisified calls: resolves [error, result] so that one failing step never hides the others.
function call(cam, method, ...args) {
    return new Promise((resolve) => {
        try {
            cam[method](...args, (err, result) => resolve([err || null, result]));
        } catch (e) {
            resolve([e, undefined]);
        }
    });
}

function connect() {
    return new Promise((resolve) => {
        const cam = new Cam(
            { hostname: '127.0.0.1', port, username, password, path: '/onvif/device_service',
              timeout: 10000 },
            (err) => resolve([err || null, cam]));
    });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function position(status) {
    if (!status || !status.position)
        return null;
    return { x: Number(status.position.x), y: Number(status.position.y),
             zoom: Number(status.position.zoom) };
}

function fetchBytes(uri) {
    return new Promise((resolve) => {
        http.get(uri, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode,
                                          contentType: res.headers['content-type'] || '',
                                          body: Buffer.concat(chunks) }));
        }).on('error', (e) => resolve({ error: e.message }));
    });
}

async function status(cam) {
    const [err, s] = await call(cam, 'getStatus', {});
    return err ? { error: errorText(err) } : { position: position(s), moveStatus: s.moveStatus };
}

async function main() {
    const out = { mode };
    const [connectErr, cam] = await connect();
    out.connectError = errorText(connectErr);
    {
        const [err, info] = await call(cam, 'getDeviceInformation');
        out.deviceInformation = err ? { error: errorText(err) } : info;
    }
    if (mode !== 'full' || connectErr) {
        console.log(JSON.stringify(out));
        return;
    }

    {
        const [err, profiles] = await call(cam, 'getProfiles');
        out.profiles = err ? { error: errorText(err) } : profiles.map((p) => ({
            token: p.$.token,
            name: p.name,
            encoding: p.videoEncoderConfiguration && p.videoEncoderConfiguration.encoding,
            width: p.videoEncoderConfiguration && p.videoEncoderConfiguration.resolution.width,
            height: p.videoEncoderConfiguration && p.videoEncoderConfiguration.resolution.height,
            ptzToken: p.PTZConfiguration && p.PTZConfiguration.$.token,
        }));
        out.activeSource = cam.activeSource ? { sourceToken: cam.activeSource.sourceToken,
                                                profileToken: cam.activeSource.profileToken }
                                            : null;
    }
    out.streamUri = {};
    for (const token of ['main', 'sub1']) {
        const [err, r] = await call(cam, 'getStreamUri', { protocol: 'RTSP', profileToken: token });
        out.streamUri[token] = err ? { error: errorText(err) } : r.uri;
    }

    // Imaging: read, write two fields, read back; an out-of-range write must be refused.
    {
        const [e1, before] = await call(cam, 'getImagingSettings', {});
        const [e2] = await call(cam, 'setImagingSettings', { brightness: 70, contrast: 30 });
        const [e3, after] = await call(cam, 'getImagingSettings', {});
        const [e4] = await call(cam, 'setImagingSettings', { brightness: 150 });
        const [e5, afterInvalid] = await call(cam, 'getImagingSettings', {});
        out.imaging = {
            before: e1 ? { error: errorText(e1) }
                       : { brightness: before.brightness, contrast: before.contrast,
                           colorSaturation: before.colorSaturation },
            setError: errorText(e2),
            after: e3 ? { error: errorText(e3) }
                      : { brightness: after.brightness, contrast: after.contrast,
                          colorSaturation: after.colorSaturation },
            invalidError: errorText(e4),
            afterInvalid: e5 ? { error: errorText(e5) } : { brightness: afterInvalid.brightness },
        };
    }

    // Presets: save a position, move away, go back, remove.
    {
        const p = {};
        const [e0, initial] = await call(cam, 'getPresets', {});
        p.initial = e0 ? { error: errorText(e0) } : Object.keys(initial);
        const [e1] = await call(cam, 'absoluteMove', { x: 0.3, y: -0.2, zoom: 0.4 });
        p.absoluteMoveError = errorText(e1);
        p.atSave = await status(cam);
        const [e2, setResult] = await call(cam, 'setPreset', { presetName: 'Door' });
        p.setError = errorText(e2);
        // The reply is the raw parsed body: find the PresetToken in it.
        const token = setResult && setResult[0] && setResult[0].setPresetResponse
                      && setResult[0].setPresetResponse[0].presetToken[0];
        p.token = token || null;
        const [e3, listed] = await call(cam, 'getPresets', {});
        p.listed = e3 ? { error: errorText(e3) }
                      : Object.entries(listed).map(([name, v]) => ({ name, token: v.$.token }));
        await call(cam, 'absoluteMove', { x: -0.5, y: 0.5, zoom: 0 });
        p.beforeGoto = await status(cam);
        const [e4] = await call(cam, 'gotoPreset', { preset: token });
        p.gotoError = errorText(e4);
        p.afterGoto = await status(cam);
        const [e5] = await call(cam, 'setPreset', { presetName: 'Door' });
        p.duplicateError = errorText(e5);
        const [e6] = await call(cam, 'removePreset', { presetToken: token });
        p.removeError = errorText(e6);
        const [e7, afterRemove] = await call(cam, 'getPresets', {});
        p.afterRemove = e7 ? { error: errorText(e7) } : Object.keys(afterRemove);
        const [e8] = await call(cam, 'gotoPreset', { preset: token });
        p.gotoRemovedError = errorText(e8);
        out.presets = p;
    }

    // Continuous move: start at the origin, pan right at half speed for about 0.6 s, stop.
    {
        const c = {};
        await call(cam, 'absoluteMove', { x: 0, y: 0, zoom: 0 });
        c.start = await status(cam);
        const [e1] = await call(cam, 'continuousMove', { x: 0.5, y: 0, zoom: 0, timeout: 10000 });
        c.moveError = errorText(e1);
        await sleep(300);
        c.during = await status(cam);
        await sleep(300);
        const [e2] = await call(cam, 'stop', { panTilt: true, zoom: true });
        c.stopError = errorText(e2);
        c.stopped = await status(cam);
        await sleep(300);
        c.later = await status(cam);
        out.continuous = c;
    }

    // Absolute, then relative.
    {
        const m = {};
        const [e1] = await call(cam, 'absoluteMove', { x: -0.4, y: 0.6, zoom: 0.25 });
        m.absoluteError = errorText(e1);
        m.afterAbsolute = await status(cam);
        const [e2] = await call(cam, 'relativeMove', { x: 0.2, y: -0.1, zoom: 0.5 });
        m.relativeError = errorText(e2);
        m.afterRelative = await status(cam);
        const [e3] = await call(cam, 'absoluteMove', { x: 2, y: 0, zoom: 0 });
        m.outOfRangeError = errorText(e3);
        m.afterOutOfRange = await status(cam);
        out.moves = m;
    }

    // Snapshot: the URI, and the JPEG behind it.
    {
        const [err, r] = await call(cam, 'getSnapshotUri', { profileToken: 'main' });
        const s = { error: errorText(err), uri: r && r.uri };
        if (s.uri) {
            const got = await fetchBytes(s.uri);
            s.status = got.status;
            s.contentType = got.contentType;
            s.bytes = got.body ? got.body.length : 0;
            s.jpegMagic = !!got.body && got.body.length > 3 && got.body[0] === 0xff
                          && got.body[1] === 0xd8 && got.body[got.body.length - 2] === 0xff
                          && got.body[got.body.length - 1] === 0xd9;
            s.fetchError = got.error || null;
        }
        out.snapshot = s;
    }
    console.log(JSON.stringify(out));
}

main().catch((e) => {
    console.error(e && e.stack ? e.stack : String(e));
    process.exit(1);
});

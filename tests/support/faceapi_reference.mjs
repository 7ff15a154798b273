// The reference for tst_face_analyzer's parity test: face-api's own FaceRecognitionNet, run by
// the tfjs that face-api bundles, on its pure-JS 'cpu' backend (no native tfjs-node, no wasm).
//
// Usage: node faceapi_reference.mjs FACE_API_PACKAGE_DIR RGB_FILE...
//   FACE_API_PACKAGE_DIR  the unpacked npm package (scripts/fetch-models.sh puts it in its cache)
//   RGB_FILE              150*150*3 bytes, RGB, row major
// Prints one JSON line per file: {"file", "backend", "descriptor": [128 numbers]}.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [pkg, ...files] = process.argv.slice(2);
if (!pkg || files.length === 0) {
  console.error('usage: node faceapi_reference.mjs FACE_API_PACKAGE_DIR RGB_FILE...');
  process.exit(2);
}

// dist/face-api.esm.js is the browser bundle. Under node, its tfjs would pick the node platform,
// which needs the 'util' module that the bundle stubs out; posing as a browser selects the
// browser platform instead. Only the 'cpu' backend is used, so nothing else of a browser is needed.
globalThis.window = globalThis;
globalThis.document = {};
const faceapi = await import(pathToFileURL(path.join(pkg, 'dist', 'face-api.esm.js')).href);
const { tf } = faceapi;
if (!(await tf.setBackend('cpu'))) throw new Error('the tfjs cpu backend is not available');
await tf.ready();

const modelDir = path.join(pkg, 'model');
const manifest = JSON.parse(
  fs.readFileSync(path.join(modelDir, 'face_recognition_model-weights_manifest.json'), 'utf8'));
const weights = fs.readFileSync(path.join(modelDir, 'face_recognition_model.bin'));
const buffer = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength);
const specs = manifest.flatMap((group) => group.weights);
faceapi.nets.faceRecognitionNet.loadFromWeightMap(tf.io.decodeWeights(buffer, specs));

const side = 150;
for (const file of files) {
  const bytes = fs.readFileSync(file);
  if (bytes.length !== side * side * 3) {
    throw new Error(`${file}: expected ${side * side * 3} bytes, found ${bytes.length}`);
  }
  const input = tf.tensor3d(Float32Array.from(bytes), [side, side, 3]);
  const descriptor = await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(input);
  input.dispose();
  console.log(JSON.stringify({ file, backend: tf.getBackend(), descriptor: Array.from(descriptor) }));
}

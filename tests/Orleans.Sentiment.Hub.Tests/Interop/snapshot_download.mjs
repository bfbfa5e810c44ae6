// The independent reference: @huggingface/hub's snapshotDownload writes the huggingface_hub cache layout.
import { snapshotDownload } from "@huggingface/hub";

const [cacheDir, hubUrl] = process.argv.slice(2);
console.log(await snapshotDownload({ repo: "acme/demo", cacheDir, hubUrl }));

// `npm start` runs this: the shared entry reads the environment, serves and stops on a signal.
import { SAARLAND } from "./state.js";

await SAARLAND.main();

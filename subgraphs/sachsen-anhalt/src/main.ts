// `npm start` runs this: the shared entry reads the environment, serves and stops on a signal.
import { SACHSEN_ANHALT } from "./state.js";

await SACHSEN_ANHALT.main();

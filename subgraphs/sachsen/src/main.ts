// `npm start` runs this: the shared entry reads the environment, serves and stops on a signal.
import { SACHSEN } from "./state.js";

await SACHSEN.main();

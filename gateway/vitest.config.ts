import { laenderhubProject } from "../vitest.shared.js";
export default laenderhubProject("gateway");

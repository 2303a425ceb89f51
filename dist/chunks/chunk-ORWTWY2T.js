import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
var t=".github/package-actions.yml";export{t as a};
//# sourceMappingURL=chunk-ORWTWY2T.js.map

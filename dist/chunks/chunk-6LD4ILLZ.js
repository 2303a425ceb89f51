import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
var t="${{ github.token }}";export{t as a};
//# sourceMappingURL=chunk-6LD4ILLZ.js.map

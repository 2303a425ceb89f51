import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a as i}from"./chunk-6JHUWM2L.js";function f(s,r,o=n=>n){let n=new Set;return(s.contents??[]).forEach((t,a)=>{if((t.type??"file")!=="file"||t.packager!==void 0||r&&t.arch&&!t.arch.includes(r.arch))return;let e=/\/s?bin\/([^/]+)$/.exec(o(t.dst,`contents[${a}].dst`));e&&n.add(e[1])}),[...n].sort()}i(f,"contentPrograms");export{f as a};
//# sourceMappingURL=chunk-DUTYZMLL.js.map

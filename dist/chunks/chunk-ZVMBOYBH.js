import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);
import{a}from"./chunk-6JHUWM2L.js";function p(i){let e=["B","KiB","MiB","GiB","TiB"],t=i,n=0;for(;t>=1024&&n<e.length-1;)t/=1024,n++;return n===0?`${i} B`:`${t.toFixed(1)} ${e[n]}`}a(p,"humanSize");function g(i,e){let t=i.map((r,m)=>Math.max(r.length,...e.map(o=>(o[m]??"").length))),n=a(r=>r.map((m,o)=>m.padEnd(t[o]??0)).join("  ").trimEnd(),"line");return[n(i),n(t.map(r=>"-".repeat(r))),...e.map(n)].join(`
`)}a(g,"textTable");export{p as a,g as b};
//# sourceMappingURL=chunk-ZVMBOYBH.js.map

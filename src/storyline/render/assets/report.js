(function(){
"use strict";
var NS="http://www.w3.org/2000/svg";
function el(tag,attrs,parent){var e=document.createElementNS(NS,tag);for(var k in attrs){e.setAttribute(k,attrs[k]);}if(parent){parent.appendChild(e);}return e;}
function data(id){var n=document.getElementById(id);return n?JSON.parse(n.textContent):null;}

/* evidence links: scroll to the paragraph and highlight the exact characters */
function clearMarks(){document.querySelectorAll("mark.hit").forEach(function(m){var p=m.parentNode;p.replaceChild(document.createTextNode(m.textContent),m);p.normalize();});}
function highlight(doc,start,end){
  var art=document.getElementById(doc);if(!art){return;}
  var det=art.querySelector("details");if(det){det.open=true;}
  var blocks=art.querySelectorAll("[data-start]"),first=null;
  blocks.forEach(function(b){
    var bs=+b.dataset.start,be=+b.dataset.end;if(be<=start||bs>=end){return;}
    var target=b.querySelector("figcaption")||b,text=target.textContent;
    var s=Math.max(0,start-bs),e=Math.min(text.length,end-bs);
    target.textContent="";target.appendChild(document.createTextNode(text.slice(0,s)));
    var m=document.createElement("mark");m.className="hit";m.textContent=text.slice(s,e);target.appendChild(m);
    target.appendChild(document.createTextNode(text.slice(e)));if(!first){first=m;}
  });
  if(first){first.scrollIntoView({behavior:"smooth",block:"center"});first.classList.add("flash");}
}
document.addEventListener("click",function(ev){
  var a=ev.target.closest("a.ev");if(!a){return;}
  ev.preventDefault();clearMarks();highlight(a.dataset.doc,+a.dataset.start,+a.dataset.end);
});

/* timeline: one tick per date, same-day events stacked above it, empty stretches compressed */
function drawTimeline(){
  var svg=document.getElementById("timeline"),pts=data("timeline-data");if(!svg||!pts||!pts.length){return;}
  var W=900,L=50,R=50;
  var days=pts.map(function(p){var d=p.date;if(d.length===4){d+="-07-01";}else if(d.length===7){d+="-15";}return Date.parse(d)/864e5;});
  var uniq=Array.from(new Set(days)).sort(function(a,b){return a-b;});
  var pos={},x=0;uniq.forEach(function(d,i){if(i>0){x+=1+Math.log1p(Math.max(0,d-uniq[i-1]))/3;}pos[d]=x;});
  var span=x||1;function X(d){return L+(W-L-R)*(uniq.length>1?pos[d]/span:0.5);}
  var count={};days.forEach(function(d){count[d]=(count[d]||0)+1;});
  var maxStack=Math.max.apply(null,Object.keys(count).map(function(k){return count[k];}));
  var Y=36+maxStack*14,H=Y+70;svg.setAttribute("viewBox","0 0 "+W+" "+H);
  el("line",{x1:L-20,x2:W-R+20,y1:Y,y2:Y,stroke:"#14213d","stroke-width":2},svg);
  var colors={ASSAULT:"#c0392b",FIGHT:"#c0392b",COERCE:"#c0392b",THREATEN:"#e67e22",ACCUSE:"#e67e22",DISAPPROVE:"#e67e22",REJECT:"#e67e22",
    AGREE:"#2f8f4e",COOPERATE:"#2f8f4e",AID:"#2f8f4e",SUPPORT:"#2f8f4e",CONSULT:"#2c6fbb",RETREAT:"#8e44ad",MOBILIZE:"#8e44ad"};
  var label={};pts.forEach(function(p,i){label[days[i]]=p.date;});
  uniq.forEach(function(d){var cx=X(d);el("line",{x1:cx,x2:cx,y1:Y-4,y2:Y+4,stroke:"#14213d"},svg);
    var t=el("text",{x:cx,y:Y+16,"text-anchor":"end",fill:"#38414c",transform:"rotate(-40 "+cx+" "+(Y+16)+")"},svg);t.textContent=label[d];});
  var stack={};
  pts.forEach(function(p,i){
    var d=days[i],cx=X(d),k=stack[d]=(stack[d]||0)+1,cy=Y-12-(k-1)*14;
    var c=el("circle",{cx:cx,cy:cy,r:5.5,fill:colors[p.cat]||"#5d6875"},svg);c.style.cursor="pointer";
    var t=el("title",{},c);t.textContent=p.date+" — "+p.who+": "+p.text+" ("+p.cat+(p.mod!=="asserted"?", "+p.mod:"")+")";
    c.addEventListener("click",function(){var row=document.getElementById(p.id);if(row){row.scrollIntoView({behavior:"smooth",block:"center"});row.classList.add("flash");}});
  });
  var legend=el("text",{x:L-20,y:16,fill:"#5d6875"},svg);legend.textContent="Each dot is an event (hover for what, click for the row); red: force, orange: pressure, green: cooperation, blue: talks, purple: deployment.";
}

/* actor graph: a small force layout */
function drawGraph(){
  var svg=document.getElementById("graph"),g=data("graph-data");if(!svg||!g||!g.nodes.length){return;}
  var W=900,H=520,info=document.getElementById("graphinfo"),byId={};
  var kinds={person:"#3b7dd8",country:"#d8663b",organization:"#4a9a5b",group:"#9a4ab0",place:"#8a8a8a"};
  var ecol={supports:"#2f8f4e",opposes:"#c0392b",negotiates:"#2c6fbb"};
  g.nodes.forEach(function(n,i){var a=2*Math.PI*i/g.nodes.length;n.x=W/2+200*Math.cos(a);n.y=H/2+170*Math.sin(a);n.vx=0;n.vy=0;byId[n.id]=n;});
  var E=g.edges.filter(function(e){return byId[e.source]&&byId[e.target];});
  for(var it=0;it<400;it++){
    var t=1-it/400;
    for(var i=0;i<g.nodes.length;i++){for(var j=i+1;j<g.nodes.length;j++){
      var a=g.nodes[i],b=g.nodes[j],dx=a.x-b.x,dy=a.y-b.y,d2=dx*dx+dy*dy+0.01,f=9000/d2;
      a.vx+=dx*f/Math.sqrt(d2);a.vy+=dy*f/Math.sqrt(d2);b.vx-=dx*f/Math.sqrt(d2);b.vy-=dy*f/Math.sqrt(d2);}}
    E.forEach(function(e){var a=byId[e.source],b=byId[e.target],dx=b.x-a.x,dy=b.y-a.y,d=Math.sqrt(dx*dx+dy*dy)+0.01,f=(d-150)*0.02;
      a.vx+=dx/d*f;a.vy+=dy/d*f;b.vx-=dx/d*f;b.vy-=dy/d*f;});
    g.nodes.forEach(function(n){n.vx+=(W/2-n.x)*0.004;n.vy+=(H/2-n.y)*0.004;n.x+=n.vx*t;n.y+=n.vy*t;n.vx*=0.5;n.vy*=0.5;
      n.x=Math.max(40,Math.min(W-40,n.x));n.y=Math.max(25,Math.min(H-25,n.y));});
  }
  /* fit the layout to the drawing area */
  var xs=g.nodes.map(function(n){return n.x;}),ys=g.nodes.map(function(n){return n.y;});
  var x0=Math.min.apply(null,xs),x1=Math.max.apply(null,xs),y0=Math.min.apply(null,ys),y1=Math.max.apply(null,ys);
  g.nodes.forEach(function(n){n.x=70+(W-140)*(x1>x0?(n.x-x0)/(x1-x0):0.5);n.y=40+(H-70)*(y1>y0?(n.y-y0)/(y1-y0):0.5);});
  var lines=[];
  E.forEach(function(e){
    var a=byId[e.source],b=byId[e.target];
    var ln=el("line",{x1:a.x,y1:a.y,x2:b.x,y2:b.y,stroke:ecol[e.type]||"#999","stroke-width":1.5+Math.min(6,e.weight),"stroke-opacity":0.55},svg);
    var tt=el("title",{},ln);tt.textContent=a.name+" "+e.type+" "+b.name+" ("+e.weight+")";
    ln.addEventListener("click",function(){lines.forEach(function(l){l.setAttribute("stroke-opacity",0.25);});ln.setAttribute("stroke-opacity",0.95);
      info.innerHTML="<b>"+esc(a.name)+"</b> "+e.type+" <b>"+esc(b.name)+"</b> (weight "+e.weight+")<ul><li>"+e.evidence.join("</li><li>")+"</li></ul>";});
    lines.push(ln);e.el=ln;
  });
  g.nodes.forEach(function(n){
    var r=6+Math.min(14,Math.sqrt(n.mentions)*2);
    var c=el("circle",{cx:n.x,cy:n.y,r:r,fill:kinds[n.kind]||"#777"},svg);
    var tt=el("title",{},c);tt.textContent=n.name+" ("+n.kind+(n.country?", "+n.country:"")+(n.role?", "+n.role:"")+")";
    var lab=el("text",{x:n.x,y:n.y-r-3,"text-anchor":"middle",fill:"#14213d"},svg);lab.textContent=n.name;
    c.addEventListener("click",function(){
      var mine=E.filter(function(e){return e.source===n.id||e.target===n.id;});
      lines.forEach(function(l){l.setAttribute("stroke-opacity",0.12);});mine.forEach(function(e){e.el.setAttribute("stroke-opacity",0.95);});
      info.innerHTML="<b>"+esc(n.name)+"</b><br>"+esc(n.kind)+(n.country?" · "+esc(n.country):"")+(n.role?" · "+esc(n.role):"")+" · "+n.mentions+" mentions<ul>"+
        mine.map(function(e){var o=byId[e.source===n.id?e.target:e.source];return "<li>"+e.type+" "+esc(o.name)+" ("+e.weight+")</li>";}).join("")+"</ul>";
    });
  });
}
function esc(s){return String(s).replace(/[&<>"]/g,function(c){return {"&":"&amp;","<":"&lt;",">":"&gt;","\"":"&quot;"}[c];});}
drawTimeline();drawGraph();
})();

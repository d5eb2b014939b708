# "A day in the life of a packet in ARO, part 2": every command of the post, in order.
# The session starts with cluster_name and rg set and project1 as the current project.
kubectl get pod -o wide
kubectl get svc
kubectl get route
curl "http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io/api/ip"
node_rg_id=$(az aro show -n $cluster_name -g $rg --query 'clusterProfile.resourceGroupId' -o tsv)
node_rg_name=$(echo $node_rg_id | cut -d/ -f 5)
az network lb list -g $node_rg_name -o table
az network lb address-pool list --lb-name aro2-p8bjm -g $node_rg_name --query '[].backendIpConfigurations[].id' -o tsv | cut -d/ -f 9
az network lb frontend-ip list --lb-name aro2-p8bjm -g $node_rg_name --query '[].[name,publicIpAddress.id]' -o tsv
az network lb outbound-rule list --lb-name aro2-p8bjm -g $node_rg_name -o table
az network public-ip list -g $node_rg_name -o table
az network lb rule list --lb-name aro2-p8bjm -g $node_rg_name -o table
kubectl get svc -n openshift-ingress
nslookup sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io
kubectl get pod -n openshift-ingress -o wide
curl -s "http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io/api/printenv" | jq -r '.SQL_SERVER_FQDN'
curl -s "http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io/api/dns?fqdn=server.project1.svc.cluster.local"
curl -s "http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io/api/sqlversion"
curl -s "http://sqlapilb-project1.apps.m50kgrxk.northeurope.aroapp.io/api/sqlsrcip"
# Today's az spells the keys the REST way: the two queries above print nothing and None; these print what the post meant.
az network lb address-pool list --lb-name aro2-p8bjm -g $node_rg_name --query '[].backendIPConfigurations[].id' -o tsv | cut -d/ -f 9
az network lb frontend-ip list --lb-name aro2-p8bjm -g $node_rg_name --query '[].[name,publicIPAddress.id]' -o tsv
